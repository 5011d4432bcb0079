package dev.webecr.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TerminalInUseException;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.TerminalLease;
import dev.webecr.sdk.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases across nodes in a real PostgreSQL. Lease times run on a test clock; renewals run every 10
 * s of real time, so within a test a node "pauses" simply by not being renewed while the clock
 * moves past its lease.
 */
class JdbcLeaseTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final Terminal till =
      JdbcJournalTest.entry("X-A1", JournalPhase.PREPARED, "7").terminal();
  private HikariDataSource pool;
  private String prefix;
  private JdbcStore a;
  private JdbcStore b;

  @BeforeEach
  void start() {
    pool = Postgres.pool("lease-test");
    prefix = Postgres.freshPrefix();
    a = node(prefix, "node-a");
    b = node(prefix, "node-b");
  }

  private JdbcStore node(String prefix, String id) {
    return JdbcStore.builder(pool)
        .tablePrefix(prefix)
        .nodeId(id)
        .clock(clock)
        .leaseDuration(LEASE)
        .applySchema(true)
        .build();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    pool.close();
  }

  private static TerminalLease.Held take(JdbcStore node, Terminal t) throws Exception {
    return node.lease().acquire(t, Duration.ZERO).get(10, TimeUnit.SECONDS);
  }

  @Test
  void oneNodeAtATimeHoldsATerminal() throws Exception {
    TerminalLease.Held held = take(a, till);

    assertThatThrownBy(() -> take(b, till))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TerminalInUseException.class);
    held.release();
    take(b, till).release();
  }

  @Test
  void aNodeThatDiedLetsItsTerminalGoWhenTheLeaseExpires() throws Exception {
    take(a, till); // and never released: the node died

    assertThatThrownBy(() -> take(b, till)).hasCauseInstanceOf(TerminalInUseException.class);
    clock.advance(LEASE);
    take(b, till).release();
  }

  @Test
  void aPausedNodeCannotWriteOverTheNewHolder() throws Exception {
    TerminalLease.Held paused = take(a, till);
    a.journal().record(JdbcJournalTest.entry("P-A1", JournalPhase.PREPARED, "7"));
    clock.advance(LEASE.plusSeconds(1)); // node A stalls past its lease: no renewal ran

    take(b, till);
    JournalEntry newHolders = JdbcJournalTest.entry("P-A1", JournalPhase.IN_FLIGHT, "7");
    b.journal().record(newHolders);

    assertThatThrownBy(
            () -> a.journal().record(JdbcJournalTest.entry("P-A1", JournalPhase.NOT_SENT, "7")))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("node-b");
    paused.release(); // too late: it must not free the terminal B holds
    assertThat(b.journal().latest("P-A1")).contains(newHolders);
    assertThatThrownBy(() -> take(node(prefix, "node-c"), till))
        .hasCauseInstanceOf(TerminalInUseException.class);
  }

  @Test
  void aNodeWithoutTheLeaseCannotWriteWhileAnotherHoldsIt() throws Exception {
    take(b, till);

    assertThatThrownBy(
            () -> a.journal().record(JdbcJournalTest.entry("Q-A1", JournalPhase.PREPARED, "7")))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("refused");
    a.journal().record(JdbcJournalTest.entry("Q-A1", JournalPhase.PREPARED, "8")); // free till
  }

  @Test
  void anUnreachableDatabaseIsATypedErrorWhenTakingALease() {
    pool.close();

    assertThatThrownBy(() -> take(a, till))
        .hasCauseInstanceOf(JournalException.class)
        .hasStackTraceContaining("unreachable");
  }
}
