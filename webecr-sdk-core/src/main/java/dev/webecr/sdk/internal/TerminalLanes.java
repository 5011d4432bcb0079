package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TerminalInUseException;
import dev.webecr.sdk.spi.TerminalLease;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One card dialogue per terminal at a time. A payment for a busy terminal waits in a queue, without
 * holding a thread, up to its wait limit; with no wait allowed it fails at once. Once this client's
 * lane is free, the terminal's {@link TerminalLease} is taken too (other nodes).
 */
public final class TerminalLanes {
  private final ScheduledExecutorService scheduler;
  private final TerminalLease lease;

  /** Told {@code lane} or {@code lease} when a payment finds its terminal held. */
  private final Consumer<String> busy;

  private final Map<String, Lane> lanes = new HashMap<>();

  /** Lanes whose wait timers run on {@code scheduler}, leased across nodes by {@code lease}. */
  public TerminalLanes(ScheduledExecutorService scheduler, TerminalLease lease) {
    this(scheduler, lease, cause -> {});
  }

  /** The same, telling {@code busy} each time a terminal is found held (and by what). */
  public TerminalLanes(
      ScheduledExecutorService scheduler, TerminalLease lease, Consumer<String> busy) {
    this.scheduler = scheduler;
    this.lease = lease;
    this.busy = busy;
  }

  /**
   * A future that completes when the terminal is this caller's, in this client and across nodes;
   * run the releaser when done. {@code maxWait} bounds each wait: for this client's lane, then for
   * another node's lease.
   */
  public CompletableFuture<Runnable> acquire(Terminal terminal, Duration maxWait) {
    return acquire(terminal, maxWait, maxWait);
  }

  /** {@link #acquire(Terminal, Duration)} with a separate bound for another node's lease. */
  public CompletableFuture<Runnable> acquire(
      Terminal terminal, Duration laneWait, Duration leaseWait) {
    return lane(terminal, laneWait)
        .thenCompose(
            releaseLane -> {
              CompletableFuture<TerminalLease.Held> held;
              try {
                held = lease.acquire(terminal, leaseWait);
              } catch (RuntimeException e) {
                held = CompletableFuture.failedFuture(e);
              }
              return held.handle(
                  (h, error) -> {
                    if (error != null) {
                      if (Futures.unwrap(error) instanceof TerminalInUseException) {
                        busy.accept("lease");
                      }
                      releaseLane.run();
                      throw error instanceof CompletionException
                          ? (CompletionException) error
                          : new CompletionException(error);
                    }
                    return (Runnable)
                        () -> {
                          try {
                            h.release();
                          } finally {
                            releaseLane.run();
                          }
                        };
                  });
            });
  }

  private CompletableFuture<Runnable> lane(Terminal terminal, Duration maxWait) {
    String key = terminal.key();
    CompletableFuture<Runnable> turn = new CompletableFuture<>();
    synchronized (this) {
      Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
      if (!lane.busy) {
        lane.busy = true;
        turn.complete(releaser(key));
        return turn;
      }
      busy.accept("lane");
      if (maxWait.isZero() || maxWait.isNegative()) {
        turn.completeExceptionally(
            new TerminalInUseException(
                terminal.tid(),
                "terminal " + terminal.tid() + " is running another payment for this client"));
        return turn;
      }
      lane.waiting.add(turn);
    }
    scheduler.schedule(
        () -> {
          boolean expired;
          synchronized (this) {
            Lane lane = lanes.get(key);
            expired = lane != null && lane.waiting.remove(turn);
          }
          if (expired) {
            turn.completeExceptionally(
                new TerminalInUseException(
                    terminal.tid(),
                    "terminal "
                        + terminal.tid()
                        + " stayed busy with another payment for "
                        + maxWait));
          }
        },
        maxWait.toMillis(),
        TimeUnit.MILLISECONDS);
    return turn;
  }

  private void release(String key) {
    CompletableFuture<Runnable> next;
    synchronized (this) {
      Lane lane = lanes.get(key);
      next = lane.waiting.poll();
      if (next == null) {
        lane.busy = false;
        lanes.remove(key);
        return;
      }
    }
    next.complete(releaser(key));
  }

  /** Releases the lane once, however often it is called. */
  private Runnable releaser(String key) {
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        release(key);
      }
    };
  }

  private static final class Lane {
    boolean busy;
    final ArrayDeque<CompletableFuture<Runnable>> waiting = new ArrayDeque<>();
  }
}
