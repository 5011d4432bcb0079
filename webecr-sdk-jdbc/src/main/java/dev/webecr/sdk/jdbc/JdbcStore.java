package dev.webecr.sdk.jdbc;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.jdbc.internal.JdbcParts;
import dev.webecr.sdk.jdbc.internal.Schema;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.TerminalLease;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The journal and the terminal leases in PostgreSQL, for several application servers (nodes) in
 * front of the same terminals. Give each node's client both:
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.builder(dataSource).applySchema(true).build();
 * PosClient client = PosClient.builder().journal(store.journal()).terminalLease(store.lease())
 *     ...build();
 * }</pre>
 *
 * <p>Plain JDBC over the caller's {@link DataSource} (a pool, typically); every journal record is
 * one committed transaction. Close the store after the clients that use it.
 */
public final class JdbcStore implements AutoCloseable {
  private static final Pattern PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,30}");

  private final JdbcParts parts;
  private final ScheduledExecutorService ownScheduler;

  private JdbcStore(JdbcParts parts, ScheduledExecutorService ownScheduler) {
    this.parts = parts;
    this.ownScheduler = ownScheduler;
  }

  /** A builder for a store on {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The schema scripts for {@code tablePrefix}, for a DBA to apply. */
  public static String schemaSql(String tablePrefix) {
    return Schema.text(checkedPrefix(tablePrefix));
  }

  /** The journal: pass it to {@code PosClientBuilder.journal}. */
  public IntentJournal journal() {
    return parts.journal;
  }

  /** The terminal leases: pass them to {@code PosClientBuilder.terminalLease}. */
  public TerminalLease lease() {
    return parts.lease;
  }

  /** The name this node writes into leases and journal rows. */
  public String nodeId() {
    return parts.nodeId;
  }

  /** Stops renewing leases (those held then expire); the data source stays the caller's. */
  @Override
  public void close() {
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "JdbcStore{node " + parts.nodeId + "}";
  }

  private static String checkedPrefix(String prefix) {
    Objects.requireNonNull(prefix, "tablePrefix == null");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new InvalidRequestException(
          "tablePrefix", "lower-case letters, digits and _, not starting with a digit, at most 31");
    }
    return prefix;
  }

  /** Configures a {@link JdbcStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String tablePrefix = "webecr_";
    private String nodeId;
    private Duration leaseDuration = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    private boolean applySchema;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
    }

    /** Prefix of every table (default {@code webecr_}). */
    public Builder tablePrefix(String prefix) {
      this.tablePrefix = checkedPrefix(prefix);
      return this;
    }

    /** This node's name in leases and rows (default: a random one per store). */
    public Builder nodeId(String id) {
      if (id == null || id.isBlank() || id.length() > 128) {
        throw new InvalidRequestException("nodeId", "1 to 128 characters");
      }
      this.nodeId = id;
      return this;
    }

    /**
     * How long a lease lasts unless renewed (default 30 s; renewed every third of it). A node that
     * dies holds its terminals this long.
     */
    public Builder leaseDuration(Duration duration) {
      if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new InvalidRequestException("leaseDuration", "at least 1 second");
      }
      this.leaseDuration = duration;
      return this;
    }

    /** The clock of lease expiries (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Where lease renewals and retries run (default: one daemon thread of the store). */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /** Creates or upgrades the tables at build (default: only checks they are there). */
    public Builder applySchema(boolean apply) {
      this.applySchema = apply;
      return this;
    }

    /** Checks or applies the schema, then builds the store. */
    public JdbcStore build() {
      if (applySchema) {
        Schema.apply(dataSource, tablePrefix);
      } else {
        Schema.check(dataSource, tablePrefix);
      }
      ScheduledExecutorService own = null;
      ScheduledExecutorService timers = scheduler;
      if (timers == null) {
        ScheduledThreadPoolExecutor pool =
            new ScheduledThreadPoolExecutor(
                1,
                r -> {
                  Thread t = new Thread(r, "webecr-jdbc-lease");
                  t.setDaemon(true);
                  return t;
                });
        pool.setRemoveOnCancelPolicy(true);
        own = pool;
        timers = pool;
      }
      String node = nodeId != null ? nodeId : "node-" + UUID.randomUUID();
      return new JdbcStore(
          new JdbcParts(dataSource, tablePrefix, node, clock, leaseDuration, timers), own);
    }
  }
}
