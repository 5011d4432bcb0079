package dev.webecr.sdk.micrometer;

import dev.webecr.sdk.Health;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.RequestObservation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The SDK's meters on a Micrometer registry: give it to {@code PosClient.builder().observer(...)}.
 * Tags are few and bounded (provider, operation, outcome, endpoint template, cause): never a
 * terminal, intent, reference, amount or merchant.
 *
 * <pre>{@code
 * PosClient client = PosClient.builder()
 *     .provider(mellon).journalFile(journal).signer(signer)
 *     .observer(new WebEcrMeters(registry))
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>The meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #PAYMENT_DURATION}</td><td>timer, buckets 0.5 s to 300 s</td>
 *       <td>provider, operation, outcome</td></tr>
 *   <tr><td>{@value #PAYMENT_ACTIVE}</td><td>long-task timer</td><td>provider, operation</td></tr>
 *   <tr><td>{@value #IN_DOUBT}</td><td>gauge</td><td>provider</td></tr>
 *   <tr><td>{@value #NEEDS_ATTENTION}</td><td>gauge</td><td>provider</td></tr>
 *   <tr><td>{@value #RECOVERED}</td><td>counter</td><td>provider, resolution</td></tr>
 *   <tr><td>{@value #DUPLICATE_REVERSED}</td><td>counter</td><td>provider, result</td></tr>
 *   <tr><td>{@value #PROVIDER_REQUESTS}</td><td>timer</td>
 *       <td>provider, endpoint, status, error.type, resend</td></tr>
 *   <tr><td>{@value #POLL_ATTEMPTS}</td><td>distribution summary (reads per payment)</td>
 *       <td>provider</td></tr>
 *   <tr><td>{@value #TERMINAL_BUSY}</td><td>counter</td><td>provider, cause</td></tr>
 *   <tr><td>{@value #JOURNAL_WRITE}</td><td>timer</td><td>backend, forced</td></tr>
 * </table>
 *
 * <p>Thread-safe; one instance may watch several clients: their gauges add up per provider.
 */
public final class WebEcrMeters implements PaymentObserver {
  /**
   * From {@code pay()} to its outcome, the cashier's wait (a recovery's resumption not counted).
   */
  public static final String PAYMENT_DURATION = "webecr.payment.duration";

  /** Payments running now. */
  public static final String PAYMENT_ACTIVE = "webecr.payment.active";

  /** Attempts in the journal in flight that no payment call follows: money in doubt. */
  public static final String IN_DOUBT = "webecr.payment.in_doubt";

  /** Of those, the ones recovery has asked about often enough that a person should look. */
  public static final String NEEDS_ATTENTION = "webecr.payment.needs_attention";

  /** Recovery's resolutions of attempts left in flight. */
  public static final String RECOVERED = "webecr.payment.recovered";

  /** Payments that gave a duplicate approval back, by kind and outcome. */
  public static final String DUPLICATE_REVERSED = "webecr.duplicate.reversed";

  /** Every HTTP request to the provider. */
  public static final String PROVIDER_REQUESTS = "webecr.provider.requests";

  /** Reads (polls and lookups) scheduled per payment. */
  public static final String POLL_ATTEMPTS = "webecr.poll.attempts";

  /** Payments that met a busy terminal. */
  public static final String TERMINAL_BUSY = "webecr.terminal.busy";

  /** Journal records. */
  public static final String JOURNAL_WRITE = "webecr.journal.write";

  // a card payment takes seconds to minutes: buckets up to the 300 s default deadline
  private static final Duration[] PAYMENT_BUCKETS = {
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(20),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(90),
    Duration.ofSeconds(120),
    Duration.ofSeconds(180),
    Duration.ofSeconds(300)
  };

  private final MeterRegistry registry;
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<String, List<Supplier<Health>>> healths = new ConcurrentHashMap<>();

  /** Meters on {@code registry}. */
  public WebEcrMeters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry == null");
  }

  @Override
  public void bind(String provider, Supplier<Health> health) {
    List<Supplier<Health>> clients = healths.computeIfAbsent(provider, p -> register(p));
    clients.add(health);
  }

  /**
   * The gauges of {@code provider}: the sum over every client of it bound here (two tills' clients
   * on one registry share a name and tags, so each gauge adds them up).
   */
  private List<Supplier<Health>> register(String provider) {
    List<Supplier<Health>> clients = new CopyOnWriteArrayList<>();
    Gauge.builder(IN_DOUBT, clients, c -> sum(c, Health::inDoubt))
        .description("attempts in flight no payment call follows: money in doubt")
        .tag("provider", provider)
        .strongReference(true) // the clients' health is held by nothing else
        .register(registry);
    Gauge.builder(NEEDS_ATTENTION, clients, c -> sum(c, Health::needsAttention))
        .description("attempts in doubt a person should look at")
        .tag("provider", provider)
        .strongReference(true)
        .register(registry);
    return clients;
  }

  private static double sum(List<Supplier<Health>> clients, ToIntFunction<Health> count) {
    int total = 0;
    for (Supplier<Health> c : clients) {
      total += count.applyAsInt(c.get());
    }
    return total;
  }

  @Override
  public PaymentObservation payment(
      String provider, String operation, String reference, boolean resumed) {
    return new PaymentMeters(this, provider, operation, resumed);
  }

  @Override
  public RequestObservation request(
      String provider, String method, String endpoint, String serverAddress, int serverPort) {
    long start = now();
    return new RequestObservation() {
      @Override
      public void end(int status, String errorType, int resends) {
        requestTimer(provider, endpoint, status, errorType, resends > 0)
            .record(now() - start, TimeUnit.NANOSECONDS);
      }
    };
  }

  @Override
  public void recovered(String provider, String resolution) {
    Counter.builder(RECOVERED)
        .tag("provider", provider)
        .tag("resolution", resolution)
        .register(registry)
        .increment();
  }

  @Override
  public void duplicateReversed(String provider, String result) {
    Counter.builder(DUPLICATE_REVERSED)
        .tag("provider", provider)
        .tag("result", result)
        .register(registry)
        .increment();
  }

  @Override
  public void terminalBusy(String provider, String cause) {
    Counter.builder(TERMINAL_BUSY)
        .tag("provider", provider)
        .tag("cause", cause)
        .register(registry)
        .increment();
  }

  @Override
  public void journalWrite(String backend, boolean forced, long nanos) {
    Timer.builder(JOURNAL_WRITE)
        .tag("backend", backend)
        .tag("forced", Boolean.toString(forced))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A request's timer, found again by its tags without building them (every request asks). */
  private Timer requestTimer(
      String provider, String endpoint, int status, String errorType, boolean resent) {
    String key = provider + ' ' + endpoint + ' ' + status + ' ' + errorType + ' ' + resent;
    return requestTimers.computeIfAbsent(
        key,
        k ->
            Timer.builder(PROVIDER_REQUESTS)
                .tag("provider", provider)
                .tag("endpoint", endpoint)
                .tag("status", status == 0 ? "none" : Integer.toString(status))
                .tag("error.type", errorType == null ? "none" : errorType)
                .tag("resend", Boolean.toString(resent))
                .register(registry));
  }

  LongTaskTimer.Sample startActive(String provider, String operation) {
    return LongTaskTimer.builder(PAYMENT_ACTIVE)
        .tag("provider", provider)
        .tag("operation", operation)
        .register(registry)
        .start();
  }

  long now() {
    return registry.config().clock().monotonicTime();
  }

  void ended(String provider, String operation, String outcome, long nanos, int reads) {
    Timer.builder(PAYMENT_DURATION)
        .tag("provider", provider)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .serviceLevelObjectives(PAYMENT_BUCKETS)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    DistributionSummary.builder(POLL_ATTEMPTS)
        .tag("provider", provider)
        .register(registry)
        .record(reads);
  }
}
