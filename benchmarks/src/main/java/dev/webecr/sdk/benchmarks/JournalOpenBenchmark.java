package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
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
 * Opening the file journal (what every client start does) against reading its bytes: a journal of N
 * attempts (1 in 100 in flight), one line each, as compaction leaves it. The ratio is the price of
 * checking, indexing and decoding what recovery reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class JournalOpenBenchmark {
  @Param({"1000", "10000", "100000"})
  public int records;

  private Path dir;
  private Path file;

  @Setup(Level.Trial)
  public void write() throws IOException {
    dir = Files.createTempDirectory("webecr-journal-open");
    file = dir.resolve("journal");
    Instant now = Instant.now();
    Terminal terminal =
        Terminal.builder()
            .providerId("mellon")
            .tid("64999964")
            .callId("358046")
            .merchantId("000001234567")
            .label("Till 1")
            .build();
    try (IntentJournal journal = Journals.file(file)) {
      for (int i = 0; i < records; i++) {
        journal.record(
            JournalEntry.builder()
                .providerReference("INV-2026-" + i + "-A1")
                .terminal(terminal)
                .kind(TransactionType.SALE)
                .amount(Money.euroCents(1000 + i))
                .phase(i % 100 == 0 ? JournalPhase.IN_FLIGHT : JournalPhase.SETTLED)
                .intentId(String.valueOf(i))
                .statusCode(3)
                .resultCode(Optional.of(1))
                .document("B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC")
                .createdAt(now.minusSeconds(i))
                .recordedAt(now.minusSeconds(i - 5))
                .build());
      }
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Baseline: the bytes alone. */
  @Benchmark
  public int readBytes() throws IOException {
    return Files.readAllBytes(file).length;
  }

  /** What a client start does: open (check, index), list what recovery asks about, close. */
  @Benchmark
  public int open() {
    try (IntentJournal journal = Journals.file(file)) {
      return journal.inFlight().size();
    }
  }
}
