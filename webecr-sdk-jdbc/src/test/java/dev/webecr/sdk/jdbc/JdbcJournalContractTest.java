package dev.webecr.sdk.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.testkit.junit.IntentJournalContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The journal contract the file journal passes, on PostgreSQL; a reopen is a new node. */
class JdbcJournalContractTest extends IntentJournalContractTest {
  private static HikariDataSource pool;
  private String prefix;

  @BeforeAll
  static void start() {
    pool = Postgres.pool("contract-test");
  }

  @AfterAll
  static void stop() {
    pool.close();
  }

  @Override
  protected IntentJournal createJournal() {
    prefix = Postgres.freshPrefix();
    return store().journal();
  }

  @Override
  protected IntentJournal reopen(IntentJournal open) {
    return store().journal();
  }

  private JdbcStore store() {
    return JdbcStore.builder(pool).tablePrefix(prefix).applySchema(true).build();
  }
}
