package dev.webecr.sdk.jdbc.internal;

import dev.webecr.sdk.JournalException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The versioned schema scripts shipped in the jar: applied in order under a lock (nodes starting
 * together apply each once), or printed for a DBA. Each script is idempotent on its own too.
 */
public final class Schema {
  private Schema() {}

  /** Every script with {@code prefix} filled in, in order, as one SQL text. */
  public static String text(String prefix) {
    StringBuilder out = new StringBuilder();
    for (String script : Sql.SCRIPTS) {
      out.append(load(script, prefix)).append('\n');
    }
    return out.toString();
  }

  /** Applies the scripts the database lacks; returns the version it is at now. */
  public static int apply(DataSource dataSource, String prefix) {
    Sql sql = new Sql(prefix);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(sql.lockSchemaChanges());
      s.execute(sql.createVersionTable());
      int at;
      try (ResultSet r = s.executeQuery(sql.appliedVersion())) {
        r.next();
        at = r.getInt(1);
      }
      for (int v = at + 1; v <= Sql.SCRIPTS.length; v++) {
        for (String statement : statements(load(Sql.SCRIPTS[v - 1], prefix))) {
          s.execute(statement);
        }
        try (java.sql.PreparedStatement p = c.prepareStatement(sql.recordVersion())) {
          p.setInt(1, v);
          p.executeUpdate();
        }
      }
      c.commit();
      return Sql.SCRIPTS.length;
    } catch (SQLException e) {
      throw new JournalException(
          "cannot create the journal tables ("
              + e.getSQLState()
              + ": "
              + e.getMessage()
              + "); a DBA can run JdbcStore.schemaSql() instead",
          e);
    }
  }

  /** Fails unless every script has been applied (when the store may not apply them itself). */
  public static void check(DataSource dataSource, String prefix) {
    Sql sql = new Sql(prefix);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql.appliedVersion())) {
      r.next();
      if (r.getInt(1) < Sql.SCRIPTS.length) {
        throw new JournalException(
            "the journal tables are at version "
                + r.getInt(1)
                + ", this SDK needs "
                + Sql.SCRIPTS.length
                + ": apply JdbcStore.schemaSql()",
            null);
      }
    } catch (SQLException e) {
      throw new JournalException(
          "the journal tables are missing or unreadable ("
              + e.getSQLState()
              + "): apply JdbcStore.schemaSql(), or let the store apply it",
          e);
    }
  }

  private static String load(String script, String prefix) {
    try (InputStream in = Schema.class.getResourceAsStream("/dev/webecr/sdk/jdbc/" + script)) {
      if (in == null) {
        throw new IllegalStateException("schema script " + script + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix);
    } catch (IOException e) {
      throw new IllegalStateException("schema script " + script + " unreadable", e);
    }
  }

  /** The statements of a script: split at semicolons ending a line; comment lines dropped. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().trim();
        out.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    return out;
  }
}
