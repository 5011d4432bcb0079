package dev.webecr.sdk.spi;

/** One provider request as a {@link PaymentObserver} follows it, ended once. */
public interface RequestObservation {
  /** Follows nothing. */
  RequestObservation NONE = new RequestObservation() {};

  /**
   * The request ended: {@code status} the HTTP status (0 when no answer came), {@code errorType}
   * null on a 2xx, else the status code or the exception's class name (OpenTelemetry's {@code
   * error.type}), {@code resends} how many times the HTTP client sent it again (retries, redirects,
   * a new token).
   */
  default void end(int status, String errorType, int resends) {}
}
