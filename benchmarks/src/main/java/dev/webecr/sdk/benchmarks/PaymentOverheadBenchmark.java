package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.webecr.InMemoryPosProvider;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What PosClient adds to a payment (validation, journal, idempotency check, terminal lane, futures,
 * poll scheduling) against the same provider calls made directly: one create and the same number of
 * polls, on the in-memory provider and virtual time. Network time, which dominates in use, is left
 * out on purpose: this is the SDK's own cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PaymentOverheadBenchmark {
  private TestClock clock;
  private InMemoryPosProvider provider;
  private PosClient client;
  private Terminal terminal;
  private long n;
  private Observed observing;

  /** {@code none}, or the meters and the traces attached ({@link Observed}). */
  @Param({"none", "meters+traces"})
  public String observed;

  @Setup(Level.Iteration)
  public void start() {
    clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    provider = InMemoryPosProvider.create(clock);
    observing = new Observed();
    client =
        PosClient.builder()
            .provider(provider)
            .journal(Journals.inMemory())
            .clock(clock)
            .scheduler(new VirtualTimeScheduler(clock))
            .executor(Runnable::run)
            .observer(observed.equals("none") ? new PaymentObserver[0] : observing.observers())
            .build();
    terminal = provider.terminal(TerminalProfile.APPROVE);
  }

  @TearDown(Level.Iteration)
  public void stop() {
    client.close();
    observing.close();
  }

  /** The baseline: create, then poll at the client's default schedule until settled. */
  @Benchmark
  public PaymentIntent providerCallsDirectly() {
    PaymentIntent intent =
        provider.create(
            CreateIntentCommand.builder()
                .terminal(terminal)
                .kind(TransactionType.SALE)
                .amount(Money.euroCents(2480))
                .providerReference("D-" + (n++) + "-A1")
                .build());
    while (!intent.isSettled()) {
      clock.advance(Duration.ofSeconds(1));
      intent =
          provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId(intent.id()));
    }
    return intent;
  }

  /** The same payment through PosClient. */
  @Benchmark
  public PaymentIntent throughPosClient() {
    return client.pay(
        PaymentRequest.builder()
            .terminal(terminal)
            .amount(Money.euroCents(2480))
            .reference("C-" + (n++))
            .build());
  }
}
