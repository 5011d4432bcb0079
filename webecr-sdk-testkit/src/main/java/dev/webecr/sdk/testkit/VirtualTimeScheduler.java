package dev.webecr.sdk.testkit;

import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A scheduler on virtual time: runs scheduled tasks at once, in due order, moving a {@link
 * TestClock} to each task's due time. A payment that polls for five minutes finishes in
 * microseconds, deterministically:
 *
 * <pre>{@code
 * TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
 * PosClient client = PosClient.builder().provider(provider).journal(Journals.inMemory())
 *     .clock(clock).scheduler(new VirtualTimeScheduler(clock)).executor(Runnable::run).build();
 * }</pre>
 *
 * <p>The thread that schedules first drains the queue; tasks scheduled meanwhile join it. Periodic
 * scheduling is not supported.
 *
 * <p>{@link #stepped(TestClock)} makes one whose tasks only queue up until the test runs them with
 * {@link #runUntil}: work started together (say, a recovery of several payments on another thread)
 * then interleaves on virtual time as it would on real threads.
 */
public final class VirtualTimeScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final TestClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private final boolean stepped;
  private long sequence;
  private boolean draining;

  /** A scheduler that moves {@code clock}, running each task as soon as it is scheduled. */
  public VirtualTimeScheduler(TestClock clock) {
    this(clock, false);
  }

  private VirtualTimeScheduler(TestClock clock, boolean stepped) {
    this.clock = clock;
    this.stepped = stepped;
  }

  /** A scheduler whose tasks wait in the queue until {@link #runUntil} runs them. */
  public static VirtualTimeScheduler stepped(TestClock clock) {
    return new VirtualTimeScheduler(clock, true);
  }

  /**
   * For a {@link #stepped} scheduler: waits until {@code ready} holds (another thread is still
   * queueing its first tasks), then runs tasks in due order, moving the clock, until {@code done}
   * holds.
   */
  public void runUntil(BooleanSupplier ready, BooleanSupplier done) throws InterruptedException {
    synchronized (this) {
      while (!ready.getAsBoolean()) {
        wait(10); // liveness only: nothing is timed by it
      }
    }
    while (!done.getAsBoolean()) {
      Task<?> next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          wait(10);
          continue;
        }
      }
      clock.advanceTo(next.due);
      next.run();
    }
  }

  /**
   * For a {@link #stepped} scheduler: runs every task due by the clock's present time, and those
   * they schedule for it, without moving the clock; what a real scheduler would have run while a
   * test moved its clock by hand.
   */
  public void runDue() {
    while (true) {
      Task<?> next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due.isAfter(clock.instant())) {
          return;
        }
        queue.poll();
      }
      next.run();
    }
  }

  /** How many tasks wait in the queue. */
  public synchronized int queued() {
    return queue.size();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<Void>(command, null, due(delay, unit)));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(callable, due(delay, unit)));
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.MILLISECONDS);
  }

  private Instant due(long delay, TimeUnit unit) {
    return clock.instant().plusNanos(unit.toNanos(delay));
  }

  private <V> Task<V> enqueue(Task<V> task) {
    synchronized (this) {
      task.sequence = sequence++;
      queue.add(task);
      if (stepped) {
        notifyAll();
        return task;
      }
      if (draining) {
        return task;
      }
      draining = true;
    }
    while (true) {
      Task<?> next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          draining = false;
          return task;
        }
      }
      clock.advanceTo(next.due);
      next.run();
    }
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable c, long i, long p, TimeUnit u) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable c, long i, long d, TimeUnit u) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    final Instant due;
    long sequence;

    Task(Runnable r, V result, Instant due) {
      super(r, result);
      this.due = due;
    }

    Task(Callable<V> c, Instant due) {
      super(c);
      this.due = due;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(java.time.Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed o) {
      Task<?> other = (Task<?>) o;
      int c = due.compareTo(other.due);
      return c != 0 ? c : Long.compare(sequence, other.sequence);
    }
  }
}
