package dev.webecr.sdk.testkit.viva;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Rate limits (viva-cloud-terminal §17 #22, assumed: Viva publishes none): reads of one session and
 * requests of the whole account per second, answered 429 with {@code Retry-After: 1} beyond them.
 * Counts what a test asserts: refusals, and reads that came before the Retry-After was up. Called
 * with the fake's lock held, on its clock.
 */
final class FakeVivaLimits {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final Object lock;
  private final int perSession;
  private final int perAccount;
  private final Map<String, Instant> lastRead = new HashMap<>();
  private final Map<String, Instant> retryAfterUntil = new HashMap<>();
  private final Deque<Instant> recent = new ArrayDeque<>();
  private int sessionRefusals;
  private int accountRefusals;
  private int retryAfterIgnored;

  /** {@code perSession} reads of a session, {@code perAccount} requests a second; 0: no limit. */
  FakeVivaLimits(Object lock, int perSession, int perAccount) {
    this.lock = lock;
    this.perSession = perSession;
    this.perAccount = perAccount;
  }

  /** 429s for reading one session more than once a second. */
  public int sessionRefusals() {
    synchronized (lock) {
      return sessionRefusals;
    }
  }

  /** 429s for the account's requests a second. */
  public int accountRefusals() {
    synchronized (lock) {
      return accountRefusals;
    }
  }

  /** Reads of a session before the {@code Retry-After} the fake gave it was up. */
  public int retryAfterIgnored() {
    synchronized (lock) {
      return retryAfterIgnored;
    }
  }

  /**
   * The 429 (called with the fake's lock held) for a request (a read of {@code sessionId}, or null)
   * at {@code now}; else null.
   */
  FakeVivaReply check(String sessionId, Instant now) {
    if (sessionId != null && now.isBefore(retryAfterUntil.getOrDefault(sessionId, Instant.MIN))) {
      retryAfterIgnored++;
    }
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(SECOND))) {
      recent.pollFirst();
    }
    if (perAccount > 0 && recent.size() >= perAccount) {
      accountRefusals++;
      return tooMany(sessionId, now);
    }
    recent.addLast(now);
    if (sessionId == null || perSession <= 0) {
      return null;
    }
    Instant last = lastRead.get(sessionId);
    Duration gap = SECOND.dividedBy(perSession);
    if (last != null && now.isBefore(last.plus(gap))) {
      sessionRefusals++;
      return tooMany(sessionId, now);
    }
    lastRead.put(sessionId, now);
    return null;
  }

  private FakeVivaReply tooMany(String sessionId, Instant now) {
    if (sessionId != null) {
      retryAfterUntil.put(sessionId, now.plus(SECOND));
    }
    return FakeVivaReply.of(429, "{\"detail\":\"Too many requests\"}").header("Retry-After", "1");
  }
}
