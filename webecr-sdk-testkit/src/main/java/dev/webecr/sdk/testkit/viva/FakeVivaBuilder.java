package dev.webecr.sdk.testkit.viva;

import dev.webecr.sdk.testkit.viva.FakeVivaServer.AbortEffect;
import dev.webecr.sdk.testkit.viva.FakeVivaServer.RepeatSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/** Builds a {@link FakeVivaServer}; every default is the worst case the SDK must survive. */
public final class FakeVivaBuilder {
  Clock clock = Clock.systemUTC();
  Duration visibilityLag = Duration.ofSeconds(5);
  Duration listLag = Duration.ofSeconds(30);
  Duration tokenLifetime = Duration.ofHours(1);
  RepeatSession repeat = RepeatSession.SECOND_CHARGE;
  long minimumAmountCents = 30;
  AbortEffect abortEffect = AbortEffect.IGNORED;
  Duration lateFlip;
  int perSessionReads = 1;
  int perAccountRequests = 20;
  FakeVivaEvents events = FakeVivaEvents.worstCase();
  ScheduledExecutorService scheduler;
  String bindAddress = "127.0.0.1";
  int port;

  FakeVivaBuilder() {}

  /** The clock sessions run on. */
  public FakeVivaBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  /** How long a new session reads 404 (default 5 s). */
  public FakeVivaBuilder visibilityLag(Duration lag) {
    this.visibilityLag = Objects.requireNonNull(lag, "lag == null");
    return this;
  }

  /** How long after it ended a session shows in the day's list (default 30 s). */
  public FakeVivaBuilder listLag(Duration lag) {
    this.listLag = Objects.requireNonNull(lag, "lag == null");
    return this;
  }

  /** A token's lifetime (default one hour). */
  public FakeVivaBuilder tokenLifetime(Duration lifetime) {
    this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime == null");
    return this;
  }

  /** What a repeated session id does (default: a second charge). */
  public FakeVivaBuilder repeatSession(RepeatSession repeat) {
    this.repeat = Objects.requireNonNull(repeat, "repeat == null");
    return this;
  }

  /** The smallest amount a terminal takes (default 30 cents, the demo's). */
  public FakeVivaBuilder minimumAmountCents(long cents) {
    this.minimumAmountCents = cents;
    return this;
  }

  /** What an abort does (default: ignored). */
  public FakeVivaBuilder abortEffect(AbortEffect effect) {
    this.abortEffect = Objects.requireNonNull(effect, "effect == null");
    return this;
  }

  /**
   * A session of 10.99 EUR, which fails with Viva's generic 1099, reads approved from {@code after}
   * its end on (§17 #18, #2461: the portal disagreed with the session); default never.
   */
  public FakeVivaBuilder lateFlip(Duration after) {
    this.lateFlip = Objects.requireNonNull(after, "after == null");
    return this;
  }

  /**
   * Reads of one session a second, and requests of the account a second, beyond which the fake
   * answers 429 with {@code Retry-After: 1} (default 1 and 20; 0: no limit).
   */
  public FakeVivaBuilder rateLimits(int perSessionReads, int perAccountRequests) {
    this.perSessionReads = perSessionReads;
    this.perAccountRequests = perAccountRequests;
    return this;
  }

  /** How webhooks are posted once enabled (default {@link FakeVivaEvents#worstCase()}). */
  public FakeVivaBuilder events(FakeVivaEvents events) {
    this.events = Objects.requireNonNull(events, "events == null");
    return this;
  }

  /**
   * Where webhook posts are timed: a test's virtual-time scheduler (a stepped one, run on the
   * test's thread); default the fake's own thread on real time.
   */
  public FakeVivaBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
    return this;
  }

  /** The port to listen on (default 0: a free one). */
  public FakeVivaBuilder port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535");
    }
    this.port = port;
    return this;
  }

  /** The address to listen on (default 127.0.0.1). */
  public FakeVivaBuilder bindAddress(String address) {
    this.bindAddress = Objects.requireNonNull(address, "address == null");
    return this;
  }

  /** The fake, not started. */
  public FakeVivaServer build() {
    return new FakeVivaServer(this);
  }
}
