package dev.webecr.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.TerminalLease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journal in a real PostgreSQL: what sharing adds to the contract, and its schema. */
class JdbcJournalTest {
  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static HikariDataSource pool;

  @BeforeAll
  static void start() {
    pool = Postgres.pool("journal-test");
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  private static JdbcStore store(String prefix, String node) {
    return JdbcStore.builder(pool).tablePrefix(prefix).nodeId(node).applySchema(true).build();
  }

  static JournalEntry entry(String ref, JournalPhase phase, String callId) {
    return JournalEntry.builder()
        .providerReference(ref)
        .terminal(
            Terminal.builder()
                .providerId("mellon")
                .tid("1000" + callId)
                .callId(callId)
                .label("Till|1\nfront")
                .build())
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(2480))
        .phase(phase)
        .createdAt(T0)
        .recordedAt(T0)
        .build();
  }

  @Test
  void everyNodeSeesEveryNodesAttempts() {
    String prefix = Postgres.freshPrefix();
    try (JdbcStore a = store(prefix, "a");
        JdbcStore b = store(prefix, "b")) {
      a.journal().record(entry("FROM-A-A1", JournalPhase.IN_FLIGHT, "7"));

      assertThat(b.journal().inFlight())
          .extracting(JournalEntry::providerReference)
          .containsExactly("FROM-A-A1");
    }
  }

  @Test
  void aStateChangeIsOneRoundTripAndALeaseOneToTakeAndOneToGiveBack() throws Exception {
    RoundTrips trips = new RoundTrips();
    JdbcStore node =
        JdbcStore.builder(trips.around(pool))
            .tablePrefix(Postgres.freshPrefix())
            .nodeId("node-a")
            .applySchema(true)
            .build();
    Terminal till = entry("R-A1", JournalPhase.PREPARED, "7").terminal();

    long before = trips.count();
    TerminalLease.Held held = node.lease().acquire(till, Duration.ZERO).get(10, TimeUnit.SECONDS);
    long took = trips.count() - before;
    node.journal().record(entry("R-A1", JournalPhase.PREPARED, "7"));
    node.journal().record(entry("R-A1", JournalPhase.IN_FLIGHT, "7"));
    node.journal().record(entry("R-A1", JournalPhase.SETTLED, "7"));
    long wrote = trips.count() - before - took;
    held.release();

    assertThat(took).isEqualTo(1);
    assertThat(wrote).isEqualTo(3);
    assertThat(trips.count() - before).isEqualTo(5);
    assertThat(node.journal().latest("R-A1")).contains(entry("R-A1", JournalPhase.SETTLED, "7"));
  }

  @Test
  void theSchemaIsAppliedOnceByNodesStartingTogetherAndCanBePrintedForADba() throws Exception {
    String prefix = Postgres.freshPrefix();
    List<CompletableFuture<JdbcStore>> starts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String node = "n" + i;
      starts.add(CompletableFuture.supplyAsync(() -> store(prefix, node)));
    }
    for (CompletableFuture<JdbcStore> s : starts) {
      s.get().close();
    }

    assertThat(JdbcStore.schemaSql("erp_"))
        .contains("CREATE TABLE IF NOT EXISTS erp_attempt")
        .contains("erp_terminal_lease")
        .doesNotContain("${prefix}");
  }

  @Test
  void withoutTheSchemaTheStoreRefusesToStartAndSaysWhatToApply() {
    assertThatThrownBy(() -> JdbcStore.builder(pool).tablePrefix(Postgres.freshPrefix()).build())
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("schemaSql");
    assertThatThrownBy(() -> JdbcStore.builder(pool).tablePrefix("Drop table;"))
        .hasMessageContaining("tablePrefix");
  }

  @Test
  void creditsWrittenBeforeSchemaVersion3AreFoundByTheirOriginalOnceItIsApplied() throws Exception {
    String prefix = Postgres.freshPrefix();
    try (JdbcStore before = store(prefix, "a")) {
      before
          .journal()
          .record(
              JournalEntry.builder()
                  .from(entry("RF-A1", JournalPhase.SETTLED, "7"))
                  .kind(TransactionType.REFUND)
                  .originalIntentId("70")
                  .originalTransactionId("T-70")
                  .build());
    }
    // the row as a version-2 store wrote it: no original columns, version 3 not applied
    try (java.sql.Connection c = pool.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute(
          "UPDATE "
              + prefix
              + "attempt SET original_intent_id = NULL, original_transaction_id = NULL");
      s.execute("DELETE FROM " + prefix + "schema_version WHERE version = 3");
    }

    try (JdbcStore after = store(prefix, "a")) {
      assertThat(
              after.journal().byOriginal(java.util.Optional.of("70"), java.util.Optional.empty()))
          .extracting(JournalEntry::providerReference)
          .containsExactly("RF-A1");
      assertThat(
              after.journal().byOriginal(java.util.Optional.empty(), java.util.Optional.of("T-70")))
          .hasSize(1);
    }
  }
}
