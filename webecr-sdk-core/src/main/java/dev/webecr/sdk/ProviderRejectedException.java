package dev.webecr.sdk;

import java.util.Optional;

/**
 * The provider answered and refused the request (an HTTP 4xx or 5xx, or the provider's own error
 * code). The message holds the provider's short explanation, never the request or the raw response
 * body.
 */
public class ProviderRejectedException extends PosException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String providerCode;
  private final boolean retryable;

  /** Creates the error; {@code providerCode} may be null. */
  public ProviderRejectedException(
      String message, int httpStatus, String providerCode, boolean retryable) {
    super(message);
    this.httpStatus = httpStatus;
    this.providerCode = providerCode;
    this.retryable = retryable;
  }

  /** The HTTP status, or 0 for providers that do not speak HTTP. */
  public final int httpStatus() {
    return httpStatus;
  }

  /** The provider's own error code, when it gave one. */
  public final Optional<String> providerCode() {
    return Optional.ofNullable(providerCode);
  }

  /** True when the same request may succeed later (overload, maintenance). */
  public final boolean isRetryable() {
    return retryable;
  }
}
