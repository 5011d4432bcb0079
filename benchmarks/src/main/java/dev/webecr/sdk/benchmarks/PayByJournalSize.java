package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.webecr.InMemoryPosProvider;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * A payment through {@code PosClient} on a file journal already holding N settled attempts (0 is
 * the baseline), in-memory provider, virtual time: the idempotency check, the records and the
 * forced write must not grow with the journal (a file journal keeps 90 days).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PayByJournalSize {
  @Param({"0", "1000000"})
  public int attempts;

  private Path dir;
  private TestClock clock;
  private PosClient client;
  private Terminal terminal;
  private long n;

  @Setup(Level.Trial)
  public void start() throws IOException {
    dir = Files.createTempDirectory("webecr-pay-by-size");
    Path file = dir.resolve("journal");
    try (IntentJournal journal = Journals.file(file)) {
      SampleDay.fill(journal, attempts, 0);
    }
    clock = new TestClock(Instant.now());
    InMemoryPosProvider provider = InMemoryPosProvider.create(clock);
    client =
        PosClient.builder()
            .provider(provider)
            .journal(Journals.file(file))
            .clock(clock)
            .scheduler(new VirtualTimeScheduler(clock))
            .executor(Runnable::run)
            .build();
    terminal = provider.terminal(TerminalProfile.APPROVE);
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One approved sale with a fresh reference. */
  @Benchmark
  public PaymentIntent pay() {
    return client.pay(
        PaymentRequest.builder()
            .terminal(terminal)
            .amount(Money.euroCents(2480))
            .reference("P-" + (n++))
            .build());
  }
}
