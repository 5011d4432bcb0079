package dev.webecr.sdk.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.jdbc.JdbcStore;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What journaling costs: the file journal and the PostgreSQL journal (embedded server, one
 * committed transaction per record) against the in-memory journal (the baseline) in the same run.
 * {@code recordStateChange}: one later state (written, not forced). {@code recordPayment}: what one
 * payment writes, the attempt before its create (forced) and two later states. The ratio is the
 * price of "survives a crash".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JournalBenchmark {
  @Param({"memory", "file", "postgres"})
  public String journal;

  private IntentJournal target;
  private EmbeddedPostgres postgres;
  private HikariDataSource pool;
  private Path dir;
  private JournalEntry entry;
  private long n;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("journal-bench");
    if (journal.equals("postgres")) {
      postgres = EmbeddedPostgres.start();
      HikariConfig c = new HikariConfig();
      c.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      c.setUsername("postgres");
      pool = new HikariDataSource(c);
      target = JdbcStore.builder(pool).applySchema(true).build().journal();
    } else {
      target =
          journal.equals("file")
              ? Journals.file(dir.resolve("webecr.journal"))
              : Journals.inMemory();
    }
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    entry =
        JournalEntry.builder()
            .providerReference("INV-0-A1")
            .terminal(
                Terminal.builder().providerId("mellon").tid("64999964").callId("358046").build())
            .kind(TransactionType.SALE)
            .amount(Money.euroCents(2480))
            .phase(JournalPhase.IN_FLIGHT)
            .createdAt(now)
            .recordedAt(now)
            .build();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    target.close();
    if (pool != null) {
      pool.close();
      postgres.close();
    }
  }

  /** A payment's records: PREPARED (forced), IN_FLIGHT and SETTLED (written). */
  @Benchmark
  public void recordPayment() {
    JournalEntry prepared =
        JournalEntry.builder()
            .from(entry)
            .phase(JournalPhase.PREPARED)
            .providerReference("PAY-" + (n++ % 1000) + "-A1")
            .build();
    target.record(prepared);
    target.record(JournalEntry.builder().from(prepared).phase(JournalPhase.IN_FLIGHT).build());
    target.record(JournalEntry.builder().from(prepared).phase(JournalPhase.SETTLED).build());
  }

  /** One state change of one of 1,000 attempts in turn (compaction included, as in use). */
  @Benchmark
  public void recordStateChange() {
    target.record(
        JournalEntry.builder()
            .from(entry)
            .providerReference("INV-" + (n++ % 1000) + "-A1")
            .build());
  }
}
