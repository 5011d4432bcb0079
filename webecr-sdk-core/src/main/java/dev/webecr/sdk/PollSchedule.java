package dev.webecr.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How often {@link PosClient} asks the provider about a running payment. Immutable.
 *
 * <p>Default ({@link #defaults()}): the first poll a second after the create's answer, then every
 * second: a fixed interval notices a terminal's outcome half an interval after it happens, on
 * average, at one request a second (an earlier first poll would find a card dialogue still running
 * and add a request to every payment). After a failed poll the interval doubles, up to 5 s, and is
 * back to normal after the next answer. Where the provider can hold the create's answer until the
 * terminal finishes (Mellon's server-side wait), polling is only the fallback.
 */
public final class PollSchedule {
  private static final Duration ERROR_CAP = Duration.ofSeconds(5);
  private static final PollSchedule DEFAULTS = fixed(Duration.ofSeconds(1), Duration.ofSeconds(1));

  private final Duration firstDelay;
  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;

  private PollSchedule(
      Duration firstDelay, Duration initialDelay, double multiplier, Duration maxDelay) {
    this.firstDelay = firstDelay;
    this.initialDelay = initialDelay;
    this.multiplier = multiplier;
    this.maxDelay = maxDelay;
  }

  /** The default schedule: every second, the first a second after the create's answer. */
  public static PollSchedule defaults() {
    return DEFAULTS;
  }

  /** The first poll after {@code first}, then one every {@code interval}. */
  public static PollSchedule fixed(Duration first, Duration interval) {
    Objects.requireNonNull(first, "first == null");
    Objects.requireNonNull(interval, "interval == null");
    if (first.isNegative() || first.isZero()) {
      throw new InvalidRequestException("pollSchedule.first", "must be positive");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new InvalidRequestException("pollSchedule.interval", "must be positive");
    }
    return new PollSchedule(first, interval, 1.0, interval);
  }

  /** A schedule that starts at {@code initialDelay}, grows by {@code multiplier}, up to max. */
  public static PollSchedule of(Duration initialDelay, double multiplier, Duration maxDelay) {
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(maxDelay, "maxDelay == null");
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new InvalidRequestException("pollSchedule.initialDelay", "must be positive");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new InvalidRequestException("pollSchedule.multiplier", "must be at least 1");
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new InvalidRequestException("pollSchedule.maxDelay", "must be at least initialDelay");
    }
    return new PollSchedule(initialDelay, initialDelay, multiplier, maxDelay);
  }

  /** The delay before poll number {@code poll} (0 for the first) when the last one answered. */
  public Duration delayBefore(int poll) {
    if (poll <= 0) {
      return firstDelay;
    }
    double millis = initialDelay.toMillis() * Math.pow(multiplier, poll - 1);
    return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
  }

  /** The delay before the next poll after {@code failures} failed ones in a row (1 or more). */
  public Duration delayAfterFailures(int failures) {
    Duration cap = maxDelay.compareTo(ERROR_CAP) > 0 ? maxDelay : ERROR_CAP;
    double millis = initialDelay.toMillis() * Math.pow(2, Math.min(Math.max(failures, 1), 20));
    return millis >= cap.toMillis() ? cap : Duration.ofMillis((long) millis);
  }

  @Override
  public String toString() {
    return "PollSchedule{first="
        + firstDelay
        + ", then="
        + initialDelay
        + ", x"
        + multiplier
        + ", max="
        + maxDelay
        + "}";
  }
}
