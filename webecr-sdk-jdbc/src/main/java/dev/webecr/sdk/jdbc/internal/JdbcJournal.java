package dev.webecr.sdk.jdbc.internal;

import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.JournalLines;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The journal in PostgreSQL: one row per attempt holding its latest entry as a journal line, each
 * record one statement committed on its own (one round trip; durable when {@link #record} returns,
 * so an attempt is on disk before its create leaves). A write is fenced by the terminal's lease:
 * refused once another node has taken it. Reads go to the database every time: every node sees
 * every other node's attempts.
 */
public final class JdbcJournal implements IntentJournal {
  private final DataSource dataSource;
  private final Sql sql;
  private final LeaseTokens tokens;
  private final String nodeId;
  private final Clock clock;

  JdbcJournal(DataSource dataSource, Sql sql, LeaseTokens tokens, String nodeId, Clock clock) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.tokens = tokens;
    this.nodeId = nodeId;
    this.clock = clock;
  }

  @Override
  public void record(JournalEntry entry) {
    String key = entry.terminal().key();
    Long token = tokens.tokenOf(key);
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true); // one statement, its own transaction: one round trip
      }
      if (!write(c, entry, key, token)) {
        throw new JournalException(
            "the journal write of "
                + entry.providerReference()
                + " was refused: terminal "
                + key
                + " is leased to another node ("
                + holder(c, key)
                + ")",
            null);
      }
    } catch (SQLException e) {
      throw new JournalException(
          "cannot write the journal (" + e.getSQLState() + ": " + e.getMessage() + ")", e);
    }
  }

  /**
   * Writes the entry unless another node holds the terminal: with this node's token, when the lease
   * row carries another; without one, when another holder's lease is still running. False when
   * refused.
   */
  private boolean write(Connection c, JournalEntry e, String key, Long token) throws SQLException {
    AttemptReference ref = AttemptReference.parse(e.providerReference());
    try (PreparedStatement s = c.prepareStatement(sql.fencedUpsertAttempt())) {
      s.setString(1, key);
      s.setString(2, e.providerReference());
      s.setString(3, ref.reference());
      s.setInt(4, ref.attempt());
      s.setString(5, key);
      s.setBoolean(6, e.phase().isInFlight());
      s.setTimestamp(7, Timestamp.from(e.recordedAt()));
      s.setString(8, JournalLines.encode(e));
      s.setString(9, nodeId);
      setToken(s, 10, token);
      s.setBoolean(11, e.isWatched());
      s.setString(12, e.originalIntentId().orElse(null));
      s.setString(13, e.originalTransactionId().orElse(null));
      setToken(s, 14, token);
      s.setString(15, nodeId);
      s.setTimestamp(16, Timestamp.from(clock.instant()));
      setToken(s, 17, token);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static void setToken(PreparedStatement s, int at, Long token) throws SQLException {
    if (token == null) {
      s.setNull(at, java.sql.Types.BIGINT);
    } else {
      s.setLong(at, token);
    }
  }

  private String holder(Connection c, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql.leaseHolder())) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : "none now";
      }
    }
  }

  @Override
  public Optional<JournalEntry> latest(String providerReference) {
    List<JournalEntry> found = query(sql.latest(), providerReference);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<JournalEntry> attempts(String reference) {
    return query(sql.byReference(), reference);
  }

  @Override
  public List<JournalEntry> all() {
    return query(sql.all(), null);
  }

  @Override
  public List<JournalEntry> byOriginal(Optional<String> intentId, Optional<String> transactionId) {
    List<JournalEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql.byOriginal())) {
      s.setString(1, intentId.orElse(null));
      s.setString(2, transactionId.orElse(null));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          JournalEntry e = decode(r.getString(1));
          if (IntentJournal.namesOriginal(e, intentId, transactionId)) {
            out.add(e);
          }
        }
      }
    } catch (SQLException e) {
      throw new JournalException(
          "cannot read the journal (" + e.getSQLState() + ": " + e.getMessage() + ")", e);
    }
    return out;
  }

  @Override
  public List<JournalEntry> inFlight() {
    return query(sql.inFlight(), null);
  }

  @Override
  public List<JournalEntry> watched(java.time.Instant createdAfter) {
    List<JournalEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql.watched())) {
      s.setTimestamp(1, Timestamp.from(createdAfter));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          JournalEntry e = decode(r.getString(1));
          if (e.isWatched() && e.createdAt().isAfter(createdAfter)) {
            out.add(e);
          }
        }
      }
    } catch (SQLException e) {
      throw new JournalException(
          "cannot read the journal (" + e.getSQLState() + ": " + e.getMessage() + ")", e);
    }
    return out;
  }

  private List<JournalEntry> query(String statement, String parameter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      if (parameter != null) {
        s.setString(1, parameter);
      }
      List<JournalEntry> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(decode(r.getString(1)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new JournalException(
          "cannot read the journal (" + e.getSQLState() + ": " + e.getMessage() + ")", e);
    }
  }

  private static JournalEntry decode(String line) {
    return JournalLines.decode(line)
        .orElseThrow(
            () ->
                new JournalException(
                    "a journal row does not decode; keep the table and contact support", null));
  }

  @Override
  public String toString() {
    return "JdbcJournal{" + sql.attempt + ", node " + nodeId + "}";
  }

  @Override
  public String backend() {
    return "jdbc";
  }
}
