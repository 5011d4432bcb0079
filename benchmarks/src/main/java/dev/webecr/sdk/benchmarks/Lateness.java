package dev.webecr.sdk.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How long after its terminal finished each payment returned, and, with the server-side wait, how
 * that time splits: until the create's answer came back (the server's part: the fake holds the
 * create with a timer, and this machine's timers fire late on long waits), then until the payment
 * returned (the SDK's part: the card-data read, the journal, the futures).
 */
final class Lateness {
  private static final Duration WAITED = Duration.ofMillis(50);

  private final ConcurrentLinkedQueue<Long> total = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> server = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Long> sdk = new ConcurrentLinkedQueue<>();

  /**
   * One payment: its terminal finished at {@code done}, the payment returned at {@code back}, and
   * its create was answered at {@code answered} (null when unknown).
   */
  void add(Instant done, Instant answered, Instant back) {
    total.add(micros(done, back));
    // A create that waited for the outcome is answered at about the time the terminal finished,
    // up to a millisecond before it (the fake holds it for whole milliseconds); one answered well
    // before did not wait (polling), and its time says nothing of the server's part.
    if (answered != null && answered.isAfter(done.minus(WAITED))) {
      server.add(micros(done, answered));
      sdk.add(micros(answered, back));
    }
  }

  /** "median M ms, p95 P ms", then the split when every payment's create waited for its outcome. */
  String summary() {
    String all = percentiles(total);
    if (server.isEmpty() || server.size() < total.size()) {
      return all;
    }
    return all
        + " (the create's answer came back "
        + percentiles(server)
        + " after the terminal finished; from that answer the SDK took "
        + percentiles(sdk)
        + ")";
  }

  private static long micros(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1000;
  }

  private static String percentiles(ConcurrentLinkedQueue<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    if (sorted.isEmpty()) {
      return "none";
    }
    Collections.sort(sorted);
    return String.format(
        "median %.1f ms, p95 %.1f ms",
        sorted.get(sorted.size() / 2) / 1e3, sorted.get((int) (sorted.size() * 0.95)) / 1e3);
  }
}
