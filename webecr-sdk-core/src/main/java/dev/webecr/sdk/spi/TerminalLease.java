package dev.webecr.sdk.spi;

import dev.webecr.sdk.Terminal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One card dialogue per terminal across processes: several application servers in front of the same
 * terminals each take a terminal's lease before a payment, renew it while the dialogue runs and
 * release it after. A process that dies loses its leases when they expire. Within one client the
 * SDK already runs one dialogue per terminal; this extends the rule to every node sharing the
 * lease's store ({@code webecr-sdk-jdbc} keeps it in PostgreSQL). A journal sharing that store
 * refuses writes of a node whose lease another node has taken.
 */
public interface TerminalLease extends AutoCloseable {
  /**
   * Takes {@code terminal} for this node, waiting up to {@code maxWait} while another node holds
   * it. Fails with {@link dev.webecr.sdk.TerminalInUseException} when it stays held, and with
   * {@link dev.webecr.sdk.JournalException} when the store cannot be reached (nothing has been sent
   * then).
   */
  CompletableFuture<Held> acquire(Terminal terminal, Duration maxWait);

  /** Stops renewing; leases still held expire. */
  @Override
  default void close() {}

  /** A lease held by this node. */
  interface Held {
    /** Gives the terminal back to other nodes; idempotent. */
    void release();
  }

  /** Within one process only: every acquire succeeds at once (the default). */
  static TerminalLease none() {
    return (terminal, maxWait) -> CompletableFuture.completedFuture(() -> {});
  }
}
