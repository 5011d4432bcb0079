package dev.webecr.sdk.jdbc.internal;

import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TerminalInUseException;
import dev.webecr.sdk.spi.TerminalLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Terminal leases as rows with a holder, an expiry and a fencing token (the ShedLock pattern with a
 * token), rather than session-bound advisory locks: a row survives connection pools that hand out a
 * new connection for every statement, and a node that pauses past its expiry finds its token stale
 * instead of a lock it silently lost. Renewed at a third of the lease while held; a node that dies
 * lets its leases expire. Times come from the store's clock: nodes are assumed to keep their clocks
 * in step (NTP) to well within a lease.
 */
public final class JdbcLease implements TerminalLease {
  private static final Logger log = LoggerFactory.getLogger(JdbcLease.class);

  /** How often a node asks again for a lease another node holds. */
  private static final Duration RETRY = Duration.ofMillis(500);

  private final DataSource dataSource;
  private final Sql sql;
  private final LeaseTokens tokens;
  private final String nodeId;
  private final Clock clock;
  private final Duration duration;
  private final ScheduledExecutorService scheduler;

  JdbcLease(
      DataSource dataSource,
      Sql sql,
      LeaseTokens tokens,
      String nodeId,
      Clock clock,
      Duration duration,
      ScheduledExecutorService scheduler) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.tokens = tokens;
    this.nodeId = nodeId;
    this.clock = clock;
    this.duration = duration;
    this.scheduler = scheduler;
  }

  @Override
  public CompletableFuture<Held> acquire(Terminal terminal, Duration maxWait) {
    CompletableFuture<Held> out = new CompletableFuture<>();
    Instant giveUpAt = clock.instant().plus(maxWait);
    attempt(terminal, terminal.key(), giveUpAt, out);
    return out;
  }

  private void attempt(
      Terminal terminal, String key, Instant giveUpAt, CompletableFuture<Held> out) {
    OptionalLong token;
    try {
      token = take(key);
    } catch (SQLException e) {
      out.completeExceptionally(
          new JournalException(
              "cannot take the lease of terminal "
                  + terminal.tid()
                  + ": the database is unreachable ("
                  + e.getSQLState()
                  + ")",
              e));
      return;
    }
    if (token.isPresent()) {
      out.complete(held(key, token.getAsLong()));
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(giveUpAt)) {
      out.completeExceptionally(
          new TerminalInUseException(
              terminal.tid(),
              "terminal " + terminal.tid() + " is running a payment of another node"));
      return;
    }
    long wait = Math.min(RETRY.toMillis(), Duration.between(now, giveUpAt).toMillis());
    scheduler.schedule(
        () -> attempt(terminal, key, giveUpAt, out), Math.max(1, wait), TimeUnit.MILLISECONDS);
  }

  /** The new token when the lease was free, expired or this node's; empty when held. */
  private OptionalLong take(String key) throws SQLException {
    Instant now = clock.instant();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql.takeLease())) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      s.setString(1, key);
      s.setString(2, nodeId);
      s.setTimestamp(3, Timestamp.from(now.plus(duration)));
      s.setTimestamp(4, Timestamp.from(now));
      s.setString(5, nodeId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  private Held held(String key, long token) {
    tokens.hold(key, token);
    long every = Math.max(1, duration.toMillis() / 3);
    ScheduledFuture<?> renewal =
        scheduler.scheduleAtFixedRate(
            () -> update(sql.setLeaseExpiry(), key, token, clock.instant().plus(duration)),
            every,
            every,
            TimeUnit.MILLISECONDS);
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        renewal.cancel(false);
        tokens.drop(key, token);
        update(sql.setLeaseExpiry(), key, token, clock.instant());
      }
    };
  }

  /** Renews or releases; a failure is logged: the lease then expires on its own. */
  private void update(String statement, String key, long token, Instant expiresAt) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      s.setTimestamp(1, Timestamp.from(expiresAt));
      s.setString(2, key);
      s.setLong(3, token);
      if (s.executeUpdate() == 0) {
        log.warn("lease of terminal {} (token {}) was taken by another node", key, token);
      }
    } catch (SQLException e) {
      log.warn(
          "lease of terminal {} not updated ({}): it expires on its own", key, e.getSQLState());
    }
  }

  @Override
  public String toString() {
    return "JdbcLease{" + sql.lease + ", node " + nodeId + ", " + duration + "}";
  }
}
