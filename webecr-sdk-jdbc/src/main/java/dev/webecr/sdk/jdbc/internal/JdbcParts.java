package dev.webecr.sdk.jdbc.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/** The journal and lease of one store, sharing the leases this node holds. */
public final class JdbcParts {
  /** The journal. */
  public final JdbcJournal journal;

  /** The leases. */
  public final JdbcLease lease;

  /** This node's name. */
  public final String nodeId;

  /** Parts on {@code dataSource} with tables named by {@code prefix}. */
  public JdbcParts(
      DataSource dataSource,
      String prefix,
      String nodeId,
      Clock clock,
      Duration leaseDuration,
      ScheduledExecutorService scheduler) {
    Sql sql = new Sql(prefix);
    LeaseTokens tokens = new LeaseTokens();
    this.nodeId = nodeId;
    this.journal = new JdbcJournal(dataSource, sql, tokens, nodeId, clock);
    this.lease = new JdbcLease(dataSource, sql, tokens, nodeId, clock, leaseDuration, scheduler);
  }
}
