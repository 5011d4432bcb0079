package dev.webecr.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How often {@link PosClient} asks the provider about a running payment: quick at first (most
 * card dialogues end within seconds), then backing off by a factor, capped. Immutable.
 *
 * <p>Default: 1 s, then ×1.5 per poll, at most 5 s.
 */
public final class PollSchedule {
  private static final PollSchedule DEFAULTS =
      new PollSchedule(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(5));

  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;

  private PollSchedule(Duration initialDelay, double multiplier, Duration maxDelay) {
    this.initialDelay = initialDelay;
    this.multiplier = multiplier;
    this.maxDelay = maxDelay;
  }

  /** The default schedule. */
  public static PollSchedule defaults() {
    return DEFAULTS;
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
    return new PollSchedule(initialDelay, multiplier, maxDelay);
  }

  /** The delay before poll number {@code poll} (0 for the first). */
  public Duration delayBefore(int poll) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, poll));
    return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
  }

  @Override
  public String toString() {
    return "PollSchedule{initial=" + initialDelay + ", x" + multiplier + ", max=" + maxDelay + "}";
  }
}
