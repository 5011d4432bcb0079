package dev.webecr.sdk;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an ERP reports to myDATA for one approved POS payment ({@code PaymentMethodDetailType}):
 * type 7 (POS / e-POS), amount, TID, the transaction id and the provider's signature with its
 * signing author. RRN, authorisation code and STAN stay in the ERP's own records.
 */
@Value.Immutable
public abstract class MyDataPayment {
  /** myDATA payment method type for POS / e-POS. */
  public static final int TYPE_POS = 7;

  MyDataPayment() {}

  /** The myDATA payment method type. */
  @Value.Default
  public int type() {
    return TYPE_POS;
  }

  /** The amount paid. */
  public abstract Money amount();

  /** The terminal's TID. */
  public abstract String tid();

  /** The provider's unique payment id. */
  public abstract Optional<String> transactionId();

  /** The provider signature the payment was made with (redacted in {@code toString()}). */
  public abstract Optional<ProviderSignature> signature();

  /** myDATA's SigningAuthor: the e-invoicing provider's id. */
  public Optional<String> signingAuthor() {
    return signature().map(ProviderSignature::providerId);
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableMyDataPayment.Builder {}
}
