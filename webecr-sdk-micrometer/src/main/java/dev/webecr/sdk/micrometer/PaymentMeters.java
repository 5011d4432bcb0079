package dev.webecr.sdk.micrometer;

import dev.webecr.sdk.spi.PaymentObservation;
import io.micrometer.core.instrument.LongTaskTimer;
import java.util.concurrent.atomic.AtomicInteger;

/** One payment on the meters: active while it runs, its duration and reads recorded at its end. */
final class PaymentMeters implements PaymentObservation {
  private final WebEcrMeters meters;
  private final String provider;
  private final String operation;
  private final boolean resumed;
  private final long start;
  private final LongTaskTimer.Sample active;
  private final AtomicInteger reads = new AtomicInteger();

  PaymentMeters(WebEcrMeters meters, String provider, String operation, boolean resumed) {
    this.meters = meters;
    this.provider = provider;
    this.operation = operation;
    this.resumed = resumed;
    this.start = meters.now();
    this.active = resumed ? null : meters.startActive(provider, operation);
  }

  @Override
  public void polled() {
    reads.incrementAndGet();
  }

  @Override
  public void end(String outcome) {
    if (resumed) {
      return; // recovery's resumptions are counted by their resolution, not as a cashier's wait
    }
    active.stop();
    meters.ended(provider, operation, outcome, meters.now() - start, reads.get());
  }
}
