package dev.webecr.sdk.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One force of the journal's file as the records waiting for it see it: they park until it ends and
 * are all unparked at once, each then checking for itself whether its record is on disk.
 */
final class DiskForce {
  private final ConcurrentLinkedQueue<Thread> waiting = new ConcurrentLinkedQueue<>();
  private volatile boolean ended;

  /**
   * Returns once the force has ended (or failed: the caller then tries its own). Uninterruptible,
   * as a record waiting for the disk must be; true if the thread was interrupted meanwhile.
   */
  boolean await() {
    boolean interrupted = false;
    waiting.add(Thread.currentThread());
    // added before looking: a force that ends now either sees this thread or is seen to be over
    while (!ended) {
      LockSupport.park(this);
      interrupted |= Thread.interrupted(); // else park would return at once, over and over
    }
    return interrupted;
  }

  /** Ends the force and wakes every record waiting for it. */
  void finish() {
    ended = true;
    for (Thread t : waiting) {
      LockSupport.unpark(t);
    }
  }
}
