package dev.webecr.sdk;

import java.util.Optional;

/**
 * The payment's outcome is in doubt: the provider may have charged the card, and the SDK could not
 * find out before the payment deadline.
 *
 * <p>The payment stays in flight in the {@link dev.webecr.sdk.spi.IntentJournal}; {@link
 * PosClient#recover()} (or paying again with the same reference) resolves it by asking the
 * provider, never by charging again. Tell the cashier the outcome is being checked; do not take
 * another payment for the same document by other means.
 */
public class OutcomeUnknownException extends PosException {
  private static final long serialVersionUID = 1L;

  private final String providerReference;
  private final transient PaymentIntent lastKnown;

  /** Creates the error; {@code lastKnown} is null when the provider never confirmed the intent. */
  public OutcomeUnknownException(
      String message, String providerReference, PaymentIntent lastKnown, Throwable cause) {
    super(message, cause);
    this.providerReference = providerReference;
    this.lastKnown = lastKnown;
  }

  /** The reference the payment was sent under: the key to look it up. */
  public final String providerReference() {
    return providerReference;
  }

  /** The last state the provider reported, when it reported any. */
  public final Optional<PaymentIntent> lastKnown() {
    return Optional.ofNullable(lastKnown);
  }
}
