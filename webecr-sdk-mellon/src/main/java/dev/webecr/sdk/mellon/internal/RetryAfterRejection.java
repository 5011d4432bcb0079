package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.ProviderRejectedException;
import java.time.Duration;
import java.util.Optional;

/** A 429 or 5xx answer to a read: retryable, honouring the server's {@code Retry-After}. */
final class RetryAfterRejection extends ProviderRejectedException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final String reason;

  RetryAfterRejection(String message, int status, Duration retryAfter) {
    super(message, status, null, true);
    this.retryAfter = retryAfter;
    this.reason = message;
  }

  /** The message without the request id, for the public copy (which names it itself). */
  String reason() {
    return reason;
  }

  /** The server's {@code Retry-After}, when it sent one. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
