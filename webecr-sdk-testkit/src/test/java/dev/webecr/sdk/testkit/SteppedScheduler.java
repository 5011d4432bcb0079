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
 * Virtual time driven by the test: scheduled tasks only queue up, and {@link #runUntil} runs
 * them in due order, moving the clock. Unlike {@link VirtualTimeScheduler} nothing runs inside
 * {@code schedule}, so work started together interleaves as it would on real threads.
 */
final class SteppedScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final TestClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;

  SteppedScheduler(TestClock clock) {
    this.clock = clock;
  }

  /** Waits until {@code ready} holds, then runs due tasks until {@code done} holds. */
  void runUntil(BooleanSupplier ready, BooleanSupplier done) throws InterruptedException {
    synchronized (this) {
      while (!ready.getAsBoolean()) {
        wait(10); // liveness only: the other thread is queueing its first tasks
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

  synchronized int queued() {
    return queue.size();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<Void>(command, null, clock.instant().plusNanos(unit.toNanos(delay))));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(callable, clock.instant().plusNanos(unit.toNanos(delay))));
  }

  private synchronized <V> Task<V> enqueue(Task<V> task) {
    task.sequence = sequence++;
    queue.add(task);
    notifyAll();
    return task;
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.MILLISECONDS);
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
