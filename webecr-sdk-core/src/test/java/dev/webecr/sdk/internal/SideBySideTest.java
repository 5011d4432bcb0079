package dev.webecr.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The journal's open never returns while a helper thread still works on its memory: not when the
 * caller's own piece fails, not when a helper fails; a helper's failure reaches the caller.
 */
class SideBySideTest {
  @Test
  void whenTheCallersPieceFailsTheHelpersHaveEndedBeforeItIsThrown() {
    CountDownLatch callerFailed = new CountDownLatch(1);
    AtomicBoolean helperEnded = new AtomicBoolean();
    Runnable caller =
        () -> {
          callerFailed.countDown();
          throw new IllegalArgumentException("the caller's piece");
        };
    Runnable helper =
        () -> {
          SideBySide.await(callerFailed); // still running when the caller's piece has failed
          helperEnded.set(true);
        };

    assertThatThrownBy(() -> SideBySide.run(new Runnable[] {caller, helper}))
        .hasMessage("the caller's piece");
    assertThat(helperEnded).isTrue();
  }

  @Test
  void aHelpersFailureReachesTheCallerOnceAllHaveEnded() {
    AtomicBoolean callerEnded = new AtomicBoolean();
    Runnable caller = () -> callerEnded.set(true);
    Runnable helper =
        () -> {
          throw new IllegalStateException("a helper's piece");
        };

    assertThatThrownBy(() -> SideBySide.run(new Runnable[] {caller, helper}))
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("a helper's piece");
    assertThat(callerEnded).isTrue();
  }

  @Test
  void anInterruptWhileWaitingIsKeptForTheCallerAndTheWaitGoesOn() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean released = new AtomicBoolean();
    AtomicBoolean waitedForTheRelease = new AtomicBoolean();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread waiter =
        new Thread(
            () -> {
              SideBySide.await(release);
              waitedForTheRelease.set(released.get());
              interruptKept.set(Thread.currentThread().isInterrupted());
            });
    waiter.start();
    waiter.interrupt();
    released.set(true);
    release.countDown();
    waiter.join();

    assertThat(waitedForTheRelease).isTrue();
    assertThat(interruptKept).isTrue();
  }
}
