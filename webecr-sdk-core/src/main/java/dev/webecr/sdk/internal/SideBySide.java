package dev.webecr.sdk.internal;

import java.util.concurrent.CountDownLatch;

/**
 * Work for a few threads at once while a journal opens: the caller's thread runs the first piece, a
 * thread of its own each other, and the caller waits for all of them, even when interrupted (the
 * work is on the caller's memory) or when its own piece fails. A failure in any piece is thrown
 * once all have ended.
 */
final class SideBySide {
  private SideBySide() {}

  static void run(Runnable[] work) {
    Thread[] others = new Thread[work.length - 1];
    Throwable[] failed = new Throwable[1];
    for (int c = 1; c < work.length; c++) {
      others[c - 1] = new Thread(work[c], "webecr-journal-open-" + c);
      others[c - 1].setDaemon(true);
      others[c - 1].setUncaughtExceptionHandler((t, e) -> failed[0] = e);
      others[c - 1].start();
    }
    boolean interrupted = false;
    try {
      work[0].run();
    } finally {
      for (Thread other : others) {
        while (true) {
          try {
            other.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (failed[0] instanceof Error) {
      throw (Error) failed[0];
    }
    if (failed[0] != null) {
      throw new IllegalStateException("reading the journal failed", failed[0]);
    }
  }

  /** Waits for {@code latch}, keeping an interrupt for the caller. */
  static void await(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
