package dev.webecr.sdk.viva.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * At most one read of a session a second (viva-cloud-terminal §15: Viva publishes no limit, so the
 * SDK keeps to the one its users were pointed to). Every read of a session, whoever asks (a poll,
 * the lookup before a first attempt, a webhook's read, recovery), reserves its slot here first.
 */
final class ReadPacing {
  static final Duration GAP = Duration.ofSeconds(1);
  private static final int PRUNE_ABOVE = 1024;

  private final Clock clock;
  private final Map<String, Instant> next = new HashMap<>();

  ReadPacing(Clock clock) {
    this.clock = clock;
  }

  /** How long a read of {@code sessionId} must wait from now. */
  synchronized Duration waitFor(String sessionId) {
    Instant now = clock.instant();
    Instant allowed = next.getOrDefault(sessionId, now);
    return allowed.isAfter(now) ? Duration.between(now, allowed) : Duration.ZERO;
  }

  /** A read of {@code sessionId} leaves now: the next one waits a second. */
  synchronized void leaving(String sessionId) {
    Instant now = clock.instant();
    if (next.size() > PRUNE_ABOVE) {
      next.values().removeIf(at -> !at.isAfter(now));
    }
    next.put(sessionId, now.plus(GAP));
  }
}
