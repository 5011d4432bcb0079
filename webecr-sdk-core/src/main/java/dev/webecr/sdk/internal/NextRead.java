package dev.webecr.sdk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * When a watched attempt is read next: after the poll schedule's delay, longer after failed reads,
 * never past what is left of its deadline; or at once when a hint (a provider's webhook) says its
 * outcome may be there. One chain of reads per attempt: a read brought forward replaces the one
 * scheduled, which then finds itself stale and does nothing. A hint never makes a session read
 * twice within the poll interval (at most a second): it brings the read forward to the earliest
 * moment that allows (providers limit reads per session: viva-cloud-terminal §15).
 */
final class NextRead {
  private static final Duration MIN_GAP_CAP = Duration.ofSeconds(1);

  private final ClientContext ctx;
  private final CompletableFuture<?> result;
  private final LogContext log;
  private final Duration minGap;
  private int polls;
  private int failures;
  private int generation;
  private Runnable pending;
  private Instant pendingDue = Instant.MAX;
  private Instant lastRead = Instant.MIN;

  NextRead(ClientContext ctx, CompletableFuture<?> result, LogContext log) {
    this.ctx = ctx;
    this.result = result;
    this.log = log;
    Duration interval = ctx.pollSchedule.delayBefore(1);
    this.minGap = interval.compareTo(MIN_GAP_CAP) < 0 ? interval : MIN_GAP_CAP;
  }

  /** Schedules {@code next}; a failed read backs off instead of following the schedule. */
  void after(Runnable next, boolean failed, Duration left) {
    failures = failed ? failures + 1 : 0;
    log.observed().polled();
    Duration wait =
        failed
            ? ctx.pollSchedule.delayAfterFailures(failures)
            : ctx.pollSchedule.delayBefore(polls++);
    Duration delay = wait.compareTo(left) <= 0 ? wait : left;
    int gen;
    synchronized (this) {
      pending = next;
      pendingDue = ctx.clock.instant().plus(delay);
      gen = ++generation;
    }
    ctx.scheduler.schedule(() -> fire(gen), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the scheduled read now; false when none is waiting (a read is running, or the attempt has
   * ended): that read's answer is as fresh as a hint could ask for.
   */
  boolean now() {
    Runnable next = null;
    Instant now = ctx.clock.instant();
    Instant earliest;
    int gen = 0;
    synchronized (this) {
      if (pending == null || result.isDone()) {
        return false;
      }
      earliest = lastRead.plus(minGap);
      if (!now.isBefore(earliest)) {
        next = pending;
        pending = null;
        lastRead = now;
        generation++;
      } else if (earliest.isBefore(pendingDue)) {
        gen = ++generation;
        pendingDue = earliest;
      }
    }
    if (next != null) {
      step(ctx, result, log.around(next));
    } else if (gen != 0) {
      // brought forward as far as the session's read rate allows
      int g = gen;
      long millis = Duration.between(now, earliest).toMillis();
      ctx.scheduler.schedule(() -> fire(g), millis, TimeUnit.MILLISECONDS);
    }
    return true;
  }

  private void fire(int gen) {
    Runnable next;
    synchronized (this) {
      if (gen != generation || pending == null) {
        return; // brought forward by a hint: this one is stale
      }
      next = pending;
      pending = null;
      lastRead = ctx.clock.instant();
    }
    step(ctx, result, log.around(next));
  }

  /** Runs {@code body} on the client's executor; whatever it throws ends {@code result}. */
  static void step(ClientContext ctx, CompletableFuture<?> result, Runnable body) {
    try {
      ctx.executor.execute(
          () -> {
            try {
              body.run();
            } catch (Throwable t) {
              result.completeExceptionally(t);
            }
          });
    } catch (RuntimeException rejected) {
      result.completeExceptionally(rejected);
    }
  }
}
