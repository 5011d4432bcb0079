package dev.webecr.sdk;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an ERP reports to myDATA for one approved POS payment: a {@code PaymentMethodDetailType}
 * with type 7 (POS / e-POS) or 8 (IRIS), amount, tip, the transaction id, the TID, and the
 * provider's signature with its signing author (and for IRIS the end-to-end reference). RRN,
 * authorisation code and STAN stay in the ERP's own records. {@link #toXml()} writes it in the
 * schema's element order.
 *
 * <pre>{@code
 * paid.myDataPayment().ifPresent(m -> invoice.addPaymentMethodDetails(m.toXml()));
 * }</pre>
 */
@Value.Immutable
public abstract class MyDataPayment {
  /** myDATA payment method type for POS / e-POS. */
  public static final int TYPE_POS = 7;

  /** myDATA payment method type for IRIS. */
  public static final int TYPE_IRIS = 8;

  /** The namespace of myDATA's invoice schema, which the XML fragment is written in. */
  public static final String NAMESPACE = "http://www.aade.gr/myDATA/invoice/v1.0";

  MyDataPayment() {}

  /** The myDATA payment method type: {@link #TYPE_POS} or {@link #TYPE_IRIS}. */
  @Value.Default
  public int type() {
    return TYPE_POS;
  }

  /** The amount paid. */
  public abstract Money amount();

  /** The tip, when there was one. */
  public abstract Optional<Money> tipAmount();

  /** The terminal's TID. */
  public abstract String tid();

  /** The provider's unique payment id. */
  public abstract Optional<String> transactionId();

  /** The provider signature the payment was made with (redacted in {@code toString()}). */
  public abstract Optional<ProviderSignature> signature();

  /** An IRIS payment's end-to-end reference. */
  public abstract Optional<String> endToEndReference();

  /**
   * myDATA's SigningAuthor: the e-invoicing provider's own AADE id, from the signature's {@link
   * ProviderSignature#signingAuthor()} (never the per-network provider id).
   */
  public Optional<String> signingAuthor() {
    return signature().flatMap(ProviderSignature::signingAuthor);
  }

  /**
   * The {@code paymentMethodDetails} element, in myDATA's namespace and element order: {@code
   * type}, {@code amount}, {@code tipAmount?}, {@code transactionId?}, {@code tid}, {@code
   * ProvidersSignature?} ({@code SigningAuthor}, {@code Signature}, and for IRIS {@code
   * EndToEndReferenceID}). The signature is written out: this is what the invoice carries.
   */
  public String toXml() {
    return MyDataXml.paymentMethodDetails(this);
  }

  @Value.Check
  void check() {
    if (type() != TYPE_POS && type() != TYPE_IRIS) {
      throw new InvalidRequestException("type", "7 (POS) or 8 (IRIS), was " + type());
    }
    Checks.maxLength("tid", tid(), 200);
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableMyDataPayment.Builder {}
}
