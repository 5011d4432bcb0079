package dev.webecr.sdk.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the module's tests, started from the binaries on Maven Central (no
 * Docker, nothing installed) and stopped when the JVM ends. Each test takes its own table prefix,
 * so tests never see each other's rows.
 */
final class Postgres {
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Postgres() {}

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException ignored) {
                      // the JVM is ending
                    }
                  }));
    }
    return server;
  }

  /** A connection pool of its own, as each application server has. */
  static HikariDataSource pool(String name) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(server().getJdbcUrl("postgres", "postgres"));
    c.setUsername("postgres");
    c.setPoolName(name);
    c.setMaximumPoolSize(6);
    c.setConnectionTimeout(5_000);
    return new HikariDataSource(c);
  }

  /** A table prefix no other test uses. */
  static String freshPrefix() {
    return "t" + PREFIXES.incrementAndGet() + "_";
  }
}
