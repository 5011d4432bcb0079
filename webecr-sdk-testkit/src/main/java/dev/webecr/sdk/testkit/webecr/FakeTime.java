package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.testkit.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How time passes for the fake acquirer, chosen once when it is made: on a {@link TestClock} the
 * fake moves virtual time itself (a server-side wait or a gateway's timeout is over at once); on
 * any other clock the server holds the answer in real time.
 */
final class FakeTime {
  private final Clock clock;
  private final TestClock movable;

  private FakeTime(Clock clock, TestClock movable) {
    this.clock = clock;
    this.movable = movable;
  }

  static FakeTime real(Clock clock) {
    return new FakeTime(clock, null);
  }

  static FakeTime virtual(TestClock clock) {
    return new FakeTime(clock, clock);
  }

  Clock clock() {
    return clock;
  }

  /**
   * Lets time run until {@code until}: moved there on virtual time (0 returned), else the
   * milliseconds the answer must be held.
   */
  long passUntil(Instant until) {
    if (movable != null) {
      movable.advanceTo(until);
      return 0;
    }
    return Math.max(0, Duration.between(clock.instant(), until).toMillis());
  }
}
