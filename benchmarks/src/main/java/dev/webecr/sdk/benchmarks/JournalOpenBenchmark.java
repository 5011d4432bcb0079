package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.spi.IntentJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    try (IntentJournal journal = Journals.file(file)) {
      SampleDay.fill(journal, records);
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
