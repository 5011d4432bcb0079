package dev.webecr.sdk;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a payment may carry beyond its terminal, amount and kind: how the customer pays, a tip or
 * cash back, where to send the e-receipt, a preload, and tax flags. {@link PaymentRequest} takes
 * them from the ERP; the provider gets them in the create command. A provider that cannot do one
 * says so through {@link dev.webecr.sdk.spi.Capability}, and the client refuses it before sending.
 */
public interface PaymentOptions {
  /** Card (the default), IRIS, or the customer's choice on the terminal. */
  @Value.Default
  default PaymentMethod paymentMethod() {
    return PaymentMethod.CARD;
  }

  /** A tip on top of the amount, where the acquirer takes one. */
  Optional<Money> tip();

  /** Cash handed to the customer with a sale, included in the amount charged. */
  Optional<Money> cashback();

  /** Where the terminal may e-mail the receipt (personal data: redacted in {@code toString()}). */
  @Value.Redacted
  Optional<String> customerEmail();

  /** Where the terminal may text the receipt (personal data: redacted in {@code toString()}). */
  @Value.Redacted
  Optional<String> customerPhone();

  /**
   * Preloads the payment: it waits on the POS until the operator opens it (restaurants,
   * deliveries), and expires after this long (whole minutes, 1 minute to 7 days).
   */
  Optional<Duration> preloadExpiry();

  /** A tax-free sale. */
  @Value.Default
  default boolean taxFree() {
    return false;
  }

  /** A collection on behalf of a third party. */
  @Value.Default
  default boolean onBehalfCollection() {
    return false;
  }
}
