package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.testkit.InjectedFault;
import dev.webecr.sdk.testkit.TestClock;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A stateful fake of Mellon WebECR on the JDK's own HTTP server: tokens, pairing, terminals,
 * intents driven by {@link FakeTerminals}' profiles, transactions, paging, errors; faults on demand
 * per endpoint; and a log of the latest {@value #REQUEST_LOG} requests it served, with exact counts
 * per endpoint. Memory stays flat however long it runs.
 *
 * <pre>{@code
 * try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
 *   PosProvider mellon = MellonProvider.create(server.mellonConfig().build(), clock);
 *   server.inject(Endpoint.TXNINIT, InjectedFault.resetAfterProcessing());
 * }
 * }</pre>
 *
 * <p>Binds to port 0 unless told otherwise. Runs standalone too: {@code java -jar
 * webecr-sdk-testkit-<version>-standalone.jar --port 8089}. Thread-safe.
 */
public final class FakeWebEcrServer implements AutoCloseable {
  private final FakeWebEcr fake;
  private final WebEcrRoutes routes;
  private final FakeHttp server;
  private final Map<Endpoint, Deque<InjectedFault>> faults = new EnumMap<>(Endpoint.class);

  /** How many of the latest requests {@link #requests()} keeps. */
  public static final int REQUEST_LOG = 10_000;

  /** How many of the latest requests are kept whole for {@link #recordedRequests()}. */
  public static final int RECORDED = 1_000;

  private final FakeRequestLog requestLog = new FakeRequestLog(REQUEST_LOG, RECORDED);
  private volatile RandomFaults randomFaults;
  private final FakeControl control;
  private final String bindAddress;

  private FakeWebEcrServer(Builder b) {
    this.fake =
        b.fake != null
            ? b.fake
            : b.virtualClock != null ? new FakeWebEcr(b.virtualClock) : new FakeWebEcr(b.clock);
    this.routes = new WebEcrRoutes(fake);
    this.control = new FakeControl(fake, this);
    this.bindAddress = b.bindAddress;
    this.server =
        new FakeHttp(
            b.bindAddress,
            b.port,
            routes,
            new FakeControlRoutes(control),
            requestLog::add,
            () -> fake.clock().instant(),
            this::nextFault,
            b.accessLog);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts serving; returns this. */
  public FakeWebEcrServer start() {
    server.start();
    return this;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8089}. */
  public String baseUrl() {
    return "http://" + bindAddress + ":" + server.port();
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** The fake acquirer behind the server: terminals, intents, batches. */
  public FakeWebEcr fake() {
    return fake;
  }

  /**
   * QA's hands on the fake: press keys on terminals, change profiles, close batches, and the rest;
   * also served as JSON under {@code /_fake/} and as the QA page at {@code /}.
   */
  public FakeControl control() {
    return control;
  }

  /** The QA page's address. */
  public String pageUrl() {
    return baseUrl() + "/";
  }

  /** A Mellon configuration pointed at this server, with the fake's credentials. */
  public MellonConfig.Builder mellonConfig() {
    MellonConfig.Builder b = MellonConfig.builder();
    b.baseUrl(baseUrl())
        .allowInsecureHttp(true)
        .username(FakeWebEcr.USERNAME)
        .password(FakeWebEcr.PASSWORD);
    return b;
  }

  /** Applies {@code fault} to the next request of {@code endpoint}; faults queue up. */
  public void inject(Endpoint endpoint, InjectedFault fault) {
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(fault, "fault == null");
    synchronized (faults) {
      faults.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(fault);
    }
  }

  /**
   * From now on every request, on any endpoint, meets one of {@code menu}'s faults with probability
   * {@code rate}, drawn from {@code random} (seed it: a run is then repeatable as far as thread
   * timing allows). Queued {@link #inject} faults go first. {@link #noRandomFaults()} stops it.
   */
  public void faultsAtRandom(Random random, double rate, List<InjectedFault> menu) {
    Objects.requireNonNull(random, "random == null");
    if (!(rate >= 0 && rate <= 1) || menu.isEmpty()) {
      throw new IllegalArgumentException("rate must be 0 to 1 and the menu not empty");
    }
    randomFaults = new RandomFaults(random, rate, List.copyOf(menu));
  }

  /** Forgets every queued fault and stops {@link #faultsAtRandom}: the fake is calm again. */
  public void clearFaults() {
    synchronized (faults) {
      faults.clear();
    }
    randomFaults = null;
  }

  /** Stops {@link #faultsAtRandom}. */
  public void noRandomFaults() {
    randomFaults = null;
  }

  /**
   * The latest requests served (at most {@value #REQUEST_LOG}), as {@code "METHOD /path"}, oldest
   * first.
   */
  public List<String> requests() {
    return requestLog.lines();
  }

  /** How many requests reached the server in all. */
  public long requestCount() {
    return requestLog.count();
  }

  /** How many requests reached {@code endpoint}. */
  public long requestCount(Endpoint endpoint) {
    return requestLog.count(endpoint);
  }

  /** The latest requests (at most {@value #RECORDED}) whole, oldest first. */
  public List<RecordedRequest> recordedRequests() {
    return requestLog.recorded();
  }

  /** The latest requests to {@code endpoint} (of the last {@value #RECORDED}), oldest first. */
  public List<RecordedRequest> requests(Endpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint == null");
    return requestLog.recorded(endpoint);
  }

  /**
   * The oldest request not taken yet, as MockWebServer's {@code takeRequest}, but without waiting:
   * the SDK's calls have returned by the time a test asks; empty when every one was taken.
   */
  public java.util.Optional<RecordedRequest> takeRequest() {
    return requestLog.take();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }

  private InjectedFault nextFault(Endpoint endpoint) {
    synchronized (faults) {
      Deque<InjectedFault> queue = faults.get(endpoint);
      InjectedFault queued = queue == null ? null : queue.poll();
      if (queued != null) {
        return queued;
      }
    }
    RandomFaults chaos = randomFaults;
    return chaos == null ? null : chaos.next();
  }

  /** Configures a {@link FakeWebEcrServer}. */
  public static final class Builder {
    private int port;
    private String bindAddress = "127.0.0.1";
    private Clock clock = Clock.systemUTC();
    private TestClock virtualClock;
    private FakeWebEcr fake;
    private java.util.function.Consumer<String> accessLog;

    private Builder() {}

    /**
     * Where to write one line per request served (method, path, status, ms; never a query, header
     * or body); default nowhere.
     */
    public Builder accessLog(java.util.function.Consumer<String> out) {
      this.accessLog = Objects.requireNonNull(out, "out == null");
      return this;
    }

    /** The port; default 0 (any free port). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The address to bind; default 127.0.0.1. */
    public Builder bindAddress(String address) {
      this.bindAddress = Objects.requireNonNull(address, "address == null");
      return this;
    }

    /**
     * The clock the dialogues run on, real time (server-side waits are waited out); default system
     * UTC. A {@link TestClock} passed as a plain {@code Clock} runs in real time too: pass it as a
     * {@code TestClock} for virtual time.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      this.virtualClock = null;
      return this;
    }

    /** Virtual time: the fake moves {@code clock} through server-side waits itself. */
    public Builder clock(TestClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      this.virtualClock = clock;
      return this;
    }

    /** An existing fake acquirer to serve (shared with an {@link InMemoryPosProvider}, say). */
    public Builder fake(FakeWebEcr fake) {
      this.fake = Objects.requireNonNull(fake, "fake == null");
      return this;
    }

    /** The server, not started. */
    public FakeWebEcrServer build() {
      return new FakeWebEcrServer(this);
    }
  }
}
