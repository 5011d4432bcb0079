package dev.webecr.sdk.viva.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * At most so many requests a second for the whole account, evenly spaced (viva-cloud-terminal §15,
 * assumed: Viva publishes no limit and answers 429 beyond its own). A request waits for its slot
 * before the HTTP call starts (not in an interceptor: the call's timeout would then run during the
 * wait, and a create that timed out there could not be told from one that left), so a hundred tills
 * starting at once do not meet a 429 on their creates, which could not be told from a create Viva
 * took.
 */
final class AccountPacing {
  private final Clock clock;
  private final Duration spacing;
  private Instant next = Instant.MIN;

  /** {@code perSecond} requests a second. */
  AccountPacing(Clock clock, int perSecond) {
    this.clock = clock;
    this.spacing = Duration.ofSeconds(1).dividedBy(perSecond);
  }

  /** How long the next request must wait; its slot is then taken. */
  synchronized Duration reserve() {
    Instant now = clock.instant();
    Instant at = next.isAfter(now) ? next : now;
    next = at.plus(spacing);
    return Duration.between(now, at);
  }
}
