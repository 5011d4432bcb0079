package dev.webecr.sdk.mellon.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.mellon.MellonConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How {@link MellonHttp} retries a read after its first attempt failed: which failures are retried
 * (connection errors, 5xx, 429 within the longest {@code Retry-After} allowed, malformed answers),
 * how long to wait (the server's {@code Retry-After}, else exponential backoff with jitter), and on
 * which threads (Failsafe on a scheduler). Creates never come here.
 */
final class ReadRetries implements AutoCloseable {
  /** Reads run on these threads (Failsafe's async executions); creates run on the caller's. */
  private static final int RETRY_THREADS = 8;

  private final MellonConfig config;
  private final RetryPolicy<Object> policy;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;

  ReadRetries(MellonConfig config) {
    this.config = config;
    // The first attempt runs on the caller's thread (no hop on the hot path); this policy
    // covers the attempts after a first failure, so it allows one retry fewer.
    this.policy =
        RetryPolicy.<Object>builder()
            .handleIf((Throwable e) -> retryable(e))
            .withDelayFn(ctx -> delayBefore(ctx.getLastException(), ctx.getAttemptCount() + 1))
            .withMaxRetries(Math.max(0, config.maxReadRetries() - 1))
            .build();
    if (config.retryScheduler().isPresent()) {
      this.scheduler = config.retryScheduler().get();
      this.ownsScheduler = false;
    } else {
      ScheduledThreadPoolExecutor pool =
          new ScheduledThreadPoolExecutor(
              RETRY_THREADS,
              r -> {
                Thread t = new Thread(r, "webecr-mellon-retry");
                t.setDaemon(true);
                return t;
              });
      pool.setRemoveOnCancelPolicy(true);
      this.scheduler = pool;
      this.ownsScheduler = true;
    }
  }

  boolean retryable(Throwable e) {
    if (e instanceof RetryAfterRejection) {
      return ((RetryAfterRejection) e)
          .retryAfter()
          .map(d -> d.compareTo(config.maxRetryAfter()) <= 0)
          .orElse(true);
    }
    return e instanceof ConnectionException
        || (e instanceof ProviderRejectedException
            && ((ProviderRejectedException) e).isRetryable()
            && !(e instanceof AuthenticationException));
  }

  /** The server's Retry-After exactly; otherwise exponential backoff with ±25 % jitter. */
  Duration delayBefore(Throwable failure, int attempts) {
    if (failure instanceof RetryAfterRejection) {
      Optional<Duration> asked = ((RetryAfterRejection) failure).retryAfter();
      if (asked.isPresent()) {
        return asked.get();
      }
    }
    long base = config.retryBackoff().toMillis() << Math.min(Math.max(attempts - 1, 0), 4);
    double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
    return Duration.ofMillis((long) (base * jitter));
  }

  /** The attempts after a failed first one: after {@code wait}, on the retry scheduler. */
  <T> T retried(String what, java.util.function.Supplier<T> attempt, Duration wait) {
    CompletableFuture<T> done = new CompletableFuture<>();
    scheduler.schedule(
        () ->
            Failsafe.with(policy)
                .with(scheduler)
                .getAsync(attempt::get)
                .whenComplete(
                    (v, e) -> {
                      if (e != null) {
                        done.completeExceptionally(e);
                      } else {
                        done.complete(v);
                      }
                    }),
        wait.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      return done.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw WebEcrAnswers.publicError(what, (RuntimeException) cause);
      }
      throw new ConnectionException(what + " failed", false, null, cause);
    }
  }

  @Override
  public void close() {
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
  }
}
