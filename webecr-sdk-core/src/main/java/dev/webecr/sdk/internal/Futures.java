package dev.webecr.sdk.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Blocking on the client's futures as the blocking API does: the SDK's own error, unwrapped. */
public final class Futures {
  private Futures() {}

  /** The future's value, or the exception it failed with (not wrapped in a CompletionException). */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }

  /** The failure inside a future's {@code CompletionException} or {@code ExecutionException}. */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException
            || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
