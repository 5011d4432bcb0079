package dev.webecr.sdk.testkit.viva;

import com.sun.net.httpserver.HttpServer;
import dev.webecr.sdk.testkit.InjectedFault;
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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A fake of Viva's Cloud Terminal API (viva-cloud-terminal §17) on the JDK's own HTTP server: the
 * token endpoint, device search, the four creates, session reads, aborts, the day listing, the
 * webhook key and webhooks, on an injected clock. Its defaults are the worst case the SDK must
 * survive: a repeated {@code sessionId} starts a second dialogue and charges again, a new session
 * reads 404 for 5 s, a listing shows a session 30 s after it ended and never while it runs, aborts
 * are acknowledged and ignored, a session read twice within a second or an account past 20 requests
 * a second gets 429, webhooks come early, twice, out of order or not at all ({@link
 * FakeVivaEvents#worstCase()}), a token lives an hour and can be revoked at any time. Faults
 * ({@link InjectedFault}) can hit any API request at random. The ISV scheme's paths answer the
 * ISV's credentials only, want {@code isvDetails} on every create and refuse what Viva's ISVs
 * cannot do.
 */
public final class FakeVivaServer implements AutoCloseable {
  /** The client id the fake accepts. */
  public static final String CLIENT_ID = "fake-viva-client";

  /** The client secret the fake accepts. */
  public static final String CLIENT_SECRET = "fake-viva-secret";

  /** The ISV client id the fake accepts (§2, ISV scheme). */
  public static final String ISV_CLIENT_ID = "fake-viva-isv-client";

  /** The ISV client secret the fake accepts. */
  public static final String ISV_CLIENT_SECRET = "fake-viva-isv-secret";

  /** The merchant id whose API key fetches the webhook key (§13). */
  public static final String MERCHANT_ID = "fake-merchant-id";

  /** The merchant's API key for the webhook key endpoint (§13). */
  public static final String API_KEY = "fake-merchant-api-key";

  /** Where the webhook key is fetched, on the fake's own host. */
  public static final String KEY_PATH = "/api/messages/config/token";

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
  final Duration lateFlip;
  final FakeVivaLimits limits;
  final FakeVivaWebhooks events;
  private final ScheduledExecutorService ownScheduler;
  private final FakeVivaFaults faults = new FakeVivaFaults();
  private ExecutorService handlers;
  final Map<String, Integer> aborts = new LinkedHashMap<>();
  final Map<String, Instant> tokens = new LinkedHashMap<>();
  final java.util.Set<String> isvTokens = new java.util.HashSet<>();
  final Map<String, FakeVivaSession> current = new LinkedHashMap<>();
  final List<FakeVivaSession> all = new ArrayList<>();
  final Map<String, Integer> posts = new LinkedHashMap<>();
  CreateAnswer nextCreate = CreateAnswer.EMPTY_200;
  Duration lateCommit;
  final List<Map.Entry<Instant, Runnable>> dueCommits = new ArrayList<>();
  String revokeBefore = "";
  int minted;
  private final String bindAddress;
  private final int port;
  private HttpServer server;

  FakeVivaServer(FakeVivaBuilder b) {
    this.clock = b.clock;
    this.rules = new FakeVivaRules(b.minimumAmountCents, this::session);
    this.visibilityLag = b.visibilityLag;
    this.listLag = b.listLag;
    this.tokenLifetime = b.tokenLifetime;
    this.repeat = b.repeat;
    this.abortEffect = b.abortEffect;
    this.lateFlip = b.lateFlip;
    this.bindAddress = b.bindAddress;
    this.port = b.port;
    this.limits = new FakeVivaLimits(this, b.perSessionReads, b.perAccountRequests);
    this.ownScheduler =
        b.scheduler != null
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "fake-viva-webhooks");
                  t.setDaemon(true);
                  return t;
                });
    this.events =
        new FakeVivaWebhooks(
            this, clock, b.events, b.scheduler != null ? b.scheduler : ownScheduler);
  }

  /** A builder with the worst-case defaults. */
  public static FakeVivaBuilder builder() {
    return new FakeVivaBuilder();
  }

  /** Starts listening on a free local port. */
  public FakeVivaServer start() {
    FakeVivaRoutes routes = new FakeVivaRoutes(this); // before the server: it sets TCP_NODELAY
    try {
      server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        x -> {
          FakeVivaReply reply;
          synchronized (this) {
            reply = routes.answer(x, faults.next(x.getRequestURI().getPath()));
          }
          reply.sendTo(x); // outside the lock: webhooks before it call back, delays hold it
        });
    // several threads: a webhook posted before an answer may make the ERP read at once
    handlers = Executors.newCachedThreadPool();
    server.setExecutor(handlers);
    server.start();
    return this;
  }

  /** The fake's base URL, ending in {@code /}. */
  public String url() {
    return "http://" + bindAddress + ":" + server.getAddress().getPort() + "/";
  }

  /** The QA page, where a person decides what terminal 16000008 does. */
  public String pageUrl() {
    return url() + "_fake/";
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

  /**
   * From now on each API request meets a fault from {@code menu} with probability {@code rate},
   * drawn by {@code random} (the token and key endpoints are spared).
   */
  public synchronized void faultsAtRandom(Random random, double rate, List<InjectedFault> menu) {
    faults.atRandom(random, rate, menu);
  }

  /** Stops {@link #faultsAtRandom}: the fake is calm again. */
  public synchronized void clearFaults() {
    faults.clear();
  }

  /** The fake's webhooks: the key, enabling them, what was posted. */
  public FakeVivaWebhooks webhooks() {
    return events;
  }

  /** The rate limits' counters. */
  public FakeVivaLimits rateLimits() {
    return limits;
  }

  /** A configuration of the ISV scheme pointed at this fake, serving {@code merchantId}. */
  public VivaConfig.Builder vivaIsvConfig(String merchantId) {
    return vivaConfig()
        .clientId(ISV_CLIENT_ID)
        .clientSecret(ISV_CLIENT_SECRET)
        .isvMerchantId(merchantId);
  }

  /**
   * The next create's answer is lost and Viva keeps the session only {@code after} that (once): a
   * backend that commits late, beyond any window the SDK waits (§14's worst reading).
   */
  public synchronized FakeVivaServer nextCreateCommitsLate(Duration after) {
    this.lateCommit = Objects.requireNonNull(after, "after == null");
    return this;
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

  /** Every session approved by now, a repeated session id once per charge: the fake's ledger. */
  public synchronized List<FakeVivaCharge> ledger() {
    Instant now = clock.instant();
    List<FakeVivaCharge> out = new ArrayList<>();
    for (FakeVivaSession s : all) {
      if (s.approved(now)) {
        out.add(new FakeVivaCharge(s.sessionId, s.kind, s.parentSessionId, s.amount));
      }
    }
    return out;
  }

  synchronized FakeVivaSession session(String sessionId) {
    return current.get(sessionId);
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      handlers.shutdownNow();
    }
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
  }
}
