package dev.webecr.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A record waiting for a force waits for its end, interrupted or not, and says it was. */
class DiskForceTest {
  @Test
  void anInterruptedWaiterWaitsForTheEndAndReportsTheInterrupt() throws Exception {
    DiskForce force = new DiskForce();
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread waiter =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              interrupted.set(force.await());
            });
    waiter.start();

    waiter.join(200);
    assertThat(waiter.isAlive()).as("still waiting for the force to end").isTrue();

    force.finish();
    waiter.join(10_000);
    assertThat(waiter.isAlive()).isFalse();
    assertThat(interrupted).isTrue();
  }

  @Test
  void aForceThatHasEndedKeepsNoOneWaiting() {
    DiskForce force = new DiskForce();
    force.finish();

    assertThat(force.await()).isFalse();
  }
}
