package dev.webecr.sdk.internal;

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

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
