package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Health;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.testkit.webecr.InMemoryPosProvider;
import java.time.Clock;
import java.util.List;
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
 * {@code PosClient.health()} on a journal of N attempts (1 in 100 in doubt), against the journal's
 * own list of attempts in flight: what a monitoring endpoint asking every second costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HealthBenchmark {
  @Param({"1000", "100000"})
  public int records;

  private IntentJournal journal;
  private PosClient client;

  @Setup(Level.Trial)
  public void fill() {
    journal = Journals.inMemory();
    SampleDay.fill(journal, records);
    client =
        PosClient.builder()
            .provider(InMemoryPosProvider.create(Clock.systemUTC()))
            .journal(journal)
            .build();
  }

  @TearDown(Level.Trial)
  public void close() {
    client.close();
  }

  @Benchmark
  public Health health() {
    return client.health();
  }

  @Benchmark
  public List<JournalEntry> baselineJournalInFlight() {
    return journal.inFlight();
  }
}
