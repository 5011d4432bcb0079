package dev.webecr.sdk;

import java.util.Optional;

/**
 * The provider could not be reached, or its answer did not arrive.
 *
 * <p>When {@link #isOutcomeUnknown()} is true the request may have reached the provider: a payment
 * may exist. {@link PosClient} never re-sends in that case; it looks the payment up by its {@link
 * #providerReference()}. When false, the provider provably never got the request and nothing was
 * charged.
 */
public class ConnectionException extends PosException {
  private static final long serialVersionUID = 1L;

  private final boolean outcomeUnknown;
  private final String providerReference;

  /** Creates the error; {@code providerReference} may be null for calls that create nothing. */
  public ConnectionException(
      String message, boolean outcomeUnknown, String providerReference, Throwable cause) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
    this.providerReference = providerReference;
  }

  /** True when the request may have reached the provider. */
  public final boolean isOutcomeUnknown() {
    return outcomeUnknown;
  }

  /** The reference of the payment the failed request would have created, if any. */
  public final Optional<String> providerReference() {
    return Optional.ofNullable(providerReference);
  }
}
