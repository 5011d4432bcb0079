package dev.webecr.sdk.testkit.viva;

import com.sun.net.httpserver.HttpServer;
import dev.webecr.sdk.viva.VivaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fake of Viva's Cloud Terminal API (viva-cloud-terminal §17) on the JDK's own HTTP server: the
 * token endpoint, device search, the four creates, session reads and the day listing, on an
 * injected clock. Its defaults are the worst case the SDK must survive: a repeated {@code
 * sessionId} starts a second dialogue and charges again, a new session reads 404 for 5 s, a listing
 * shows a session 30 s after it ended and never while it runs, a token lives an hour and can be
 * revoked at any time. Not yet: abort, webhooks, rate limits (the contract's #10, #12, #22).
 */
public final class FakeVivaServer implements AutoCloseable {
  /** The client id the fake accepts. */
  public static final String CLIENT_ID = "fake-viva-client";

  /** The client secret the fake accepts. */
  public static final String CLIENT_SECRET = "fake-viva-secret";

  /** What a create answers (§17 #3). */
  public enum CreateAnswer {
    /** 200, no body: sent towards the device. */
    EMPTY_200,
    /** Stored, then the connection cut before any answer: the answer is lost. */
    RESET_AFTER_STORE,
    /** Stored, then 500. */
    ERROR_500_AFTER_STORE,
    /** 500, nothing stored. */
    ERROR_500_NOT_STORED
  }

  /** What an abort does (§17 #10): Viva's own answer is a request, not a result. */
  public enum AbortEffect {
    /** 200, and the session goes on as if nothing was asked (the default). */
    IGNORED,
    /** The session ends cancelled, unless the card was read already. */
    EFFECTIVE
  }

  /** What a repeated {@code sessionId} does (§17 #11: Viva's behaviour is not known). */
  public enum RepeatSession {
    /** A second dialogue and a second charge; both in the day's list (the default). */
    SECOND_CHARGE,
    /** 409, nothing started. */
    REJECT,
    /** 200, the first session kept. */
    REPLAY
  }

  final Clock clock;
  final FakeVivaRules rules;
  final Duration visibilityLag;
  final Duration listLag;
  final Duration tokenLifetime;
  final RepeatSession repeat;
  final AbortEffect abortEffect;
  final Map<String, Integer> aborts = new LinkedHashMap<>();
  final Map<String, Instant> tokens = new LinkedHashMap<>();
  final Map<String, FakeVivaSession> current = new LinkedHashMap<>();
  final List<FakeVivaSession> all = new ArrayList<>();
  final Map<String, Integer> posts = new LinkedHashMap<>();
  CreateAnswer nextCreate = CreateAnswer.EMPTY_200;
  String revokeBefore = "";
  int minted;
  private HttpServer server;

  private FakeVivaServer(Builder b) {
    this.clock = b.clock;
    this.rules = new FakeVivaRules(b.minimumAmountCents, this::session);
    this.visibilityLag = b.visibilityLag;
    this.listLag = b.listLag;
    this.tokenLifetime = b.tokenLifetime;
    this.repeat = b.repeat;
    this.abortEffect = b.abortEffect;
  }

  /** A builder with the worst-case defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening on a free local port. */
  public FakeVivaServer start() {
    FakeVivaRoutes routes = new FakeVivaRoutes(this); // before the server: it sets TCP_NODELAY
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        x -> {
          synchronized (this) {
            routes.handle(x);
          }
        });
    server.start();
    return this;
  }

  /** The fake's base URL, ending in {@code /}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** A configuration pointed at this fake (AADE numbers: the test signer's 999). */
  public VivaConfig.Builder vivaConfig() {
    return VivaConfig.builder()
        .apiUrl(url())
        .tokenUrl(url() + "connect/token")
        .allowInsecureHttp(true)
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .cashRegisterId("TILL-1")
        .aadeProviderId(999);
  }

  /** How the next create is answered (once; then 200 again). */
  public synchronized FakeVivaServer nextCreate(CreateAnswer answer) {
    this.nextCreate = Objects.requireNonNull(answer, "answer == null");
    return this;
  }

  /** Every token minted so far stops working just before the next session read (once). */
  public synchronized void revokeTokensBeforeNextRead() {
    revokeBefore = "GET";
  }

  /** Every token minted so far stops working just before the next create (once). */
  public synchronized void revokeTokensBeforeNextCreate() {
    revokeBefore = "POST";
  }

  /** Every token minted so far stops working (§17 #1). */
  public synchronized void revokeTokens() {
    tokens.clear();
  }

  /** How many creates Viva received for {@code sessionId}. */
  public synchronized int posts(String sessionId) {
    return posts.getOrDefault(sessionId, 0);
  }

  /** How many aborts Viva received for {@code sessionId}. */
  public synchronized int aborts(String sessionId) {
    return aborts.getOrDefault(sessionId, 0);
  }

  /** How many tokens were minted. */
  public synchronized int tokensMinted() {
    return minted;
  }

  /** How many approved sessions (a replaced one too) carry {@code sessionId}: the charges. */
  public synchronized long charges(String sessionId) {
    Instant now = clock.instant();
    return all.stream().filter(s -> s.sessionId.equals(sessionId) && s.approved(now)).count();
  }

  synchronized FakeVivaSession session(String sessionId) {
    return current.get(sessionId);
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** Builds a {@link FakeVivaServer}; every default is the worst case. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration visibilityLag = Duration.ofSeconds(5);
    private Duration listLag = Duration.ofSeconds(30);
    private Duration tokenLifetime = Duration.ofHours(1);
    private RepeatSession repeat = RepeatSession.SECOND_CHARGE;
    private long minimumAmountCents = 30;
    private AbortEffect abortEffect = AbortEffect.IGNORED;

    private Builder() {}

    /** The clock sessions run on. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** How long a new session reads 404 (default 5 s). */
    public Builder visibilityLag(Duration lag) {
      this.visibilityLag = Objects.requireNonNull(lag, "lag == null");
      return this;
    }

    /** How long after it ended a session shows in the day's list (default 30 s). */
    public Builder listLag(Duration lag) {
      this.listLag = Objects.requireNonNull(lag, "lag == null");
      return this;
    }

    /** A token's lifetime (default one hour). */
    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime == null");
      return this;
    }

    /** What a repeated session id does (default: a second charge). */
    public Builder repeatSession(RepeatSession repeat) {
      this.repeat = Objects.requireNonNull(repeat, "repeat == null");
      return this;
    }

    /** The smallest amount a terminal takes (default 30 cents, the demo's). */
    public Builder minimumAmountCents(long cents) {
      this.minimumAmountCents = cents;
      return this;
    }

    /** What an abort does (default: ignored). */
    public Builder abortEffect(AbortEffect effect) {
      this.abortEffect = Objects.requireNonNull(effect, "effect == null");
      return this;
    }

    /** The fake, not started. */
    public FakeVivaServer build() {
      return new FakeVivaServer(this);
    }
  }
}
