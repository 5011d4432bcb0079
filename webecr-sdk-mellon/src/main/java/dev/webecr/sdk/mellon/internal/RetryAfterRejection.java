package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.ProviderRejectedException;
import java.time.Duration;
import java.util.Optional;

/** A 429 or 5xx answer to a read: retryable, honouring the server's {@code Retry-After}. */
final class RetryAfterRejection extends ProviderRejectedException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  RetryAfterRejection(String message, int status, Duration retryAfter) {
    super(message, status, null, true);
    this.retryAfter = retryAfter;
  }

  /** The server's {@code Retry-After}, when it sent one. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
