package dev.webecr.sdk.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The threads a client makes for itself when the ERP gives none: daemons, bounded. */
public final class ClientThreads {
  /** Threads for calls beyond the server-side waits. */
  private static final int CALL_THREADS = 8;

  private ClientThreads() {}

  /** One timer thread: waits between polls and the duplicate watch's looks run on it. */
  public static ScheduledThreadPoolExecutor scheduler() {
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, daemon("webecr-timer"));
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }

  /**
   * Bounded: a payment holds a thread only while a call runs (waits are on the scheduler), or for a
   * server-side wait, of which at most {@code serverWaitSlots} run at once.
   */
  public static ThreadPoolExecutor executor(int serverWaitSlots) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            serverWaitSlots + CALL_THREADS,
            serverWaitSlots + CALL_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon("webecr-call"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * How many server-side waits the ERP's {@code executor} can hold and still run every other
   * payment's calls: at most {@code slots}, and never more than half its threads when its size is
   * known (a waiting create holds a thread for the whole card dialogue; with every thread waiting,
   * no other till's create would leave until some dialogue ended). Size unknown: {@code slots}.
   */
  public static int waitSlotsFor(Executor executor, int slots) {
    int threads;
    if (executor instanceof ThreadPoolExecutor) {
      threads = ((ThreadPoolExecutor) executor).getMaximumPoolSize();
    } else if (executor instanceof ForkJoinPool) {
      threads = ((ForkJoinPool) executor).getParallelism();
    } else {
      return slots;
    }
    return Math.min(slots, threads / 2);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
