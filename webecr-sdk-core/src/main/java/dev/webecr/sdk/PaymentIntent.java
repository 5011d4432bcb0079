package dev.webecr.sdk;

import dev.webecr.sdk.spi.AttemptReference;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A payment as the provider reports it: where it is ({@link #status()}), how it ended ({@link
 * #result()}), the card data of the transaction, and the provider's whole answer for the audit
 * trail ({@link #providerRecord()}).
 *
 * <p>{@link PosClient#pay} returns an intent only when nothing is in doubt ({@link #isSettled()});
 * only {@link #isApproved()} means money moved. Immutable; the raw record is left out of {@code
 * toString()}, {@code equals} and {@code hashCode}.
 */
@Value.Immutable
public abstract class PaymentIntent {
  PaymentIntent() {}

  /** The provider's id of the intent. */
  public abstract String id();

  /** The reference this attempt was sent under: {@code <ERP reference>-<attempt>}. */
  public abstract String providerReference();

  /** The terminal that runs (or ran) the payment. */
  public abstract Terminal terminal();

  /** Sale, refund or void. */
  public abstract TransactionType kind();

  /** The amount. */
  public abstract Money amount();

  /** The provider's raw status code; see {@link #status()}. */
  public abstract int statusCode();

  /** The provider's raw result code, once there is one; see {@link #result()}. */
  public abstract Optional<Integer> resultCode();

  /** The legal unique payment id (Mellon's TransactionId): what myDATA needs. */
  public abstract Optional<String> transactionId();

  /** The provider's record of the resulting card transaction (Mellon's Transaction). */
  public abstract Optional<String> transactionRecordId();

  /** Retrieval reference number. */
  public abstract Optional<String> rrn();

  /** The issuer's authorisation code. */
  public abstract Optional<String> authorisationCode();

  /** System trace audit number. */
  public abstract Optional<String> stan();

  /** The card number, masked by the provider. */
  public abstract Optional<String> maskedPan();

  /** The card scheme (VISA, MASTERCARD, ...). */
  public abstract Optional<String> cardScheme();

  /** When the provider created the intent. */
  public abstract Optional<Instant> createdAt();

  /** When the provider finished it. */
  public abstract Optional<Instant> completedAt();

  /** How the customer paid, when the provider says (card or IRIS). */
  public abstract Optional<PaymentMethod> paymentMethod();

  /** The tip paid on top of the amount, when there was one. */
  public abstract Optional<Money> tip();

  /** An IRIS payment's end-to-end reference, for myDATA's {@code EndToEndReferenceID}. */
  public abstract Optional<String> endToEndReference();

  /** The signature this attempt was sent with, where the provider needs one. */
  public abstract Optional<ProviderSignature> signature();

  /** The provider's whole answer(s) as received, for the audit trail. May hold personal data. */
  @Value.Auxiliary
  public abstract Optional<String> providerRecord();

  /** Where the intent is in its life. */
  public IntentStatus status() {
    return IntentStatus.fromCode(statusCode());
  }

  /** How it ended; empty until the provider reports a result. */
  public Optional<IntentResult> result() {
    return resultCode().map(IntentResult::fromCode);
  }

  /** The ERP's reference (the idempotency key), taken from {@link #providerReference()}. */
  public String reference() {
    return AttemptReference.parse(providerReference()).reference();
  }

  /** The attempt number within the ERP's reference; 0 when the reference is not ours. */
  public int attempt() {
    return AttemptReference.parse(providerReference()).attempt();
  }

  /** True when the outcome is known for good: completed with a result that is not in doubt. */
  public boolean isSettled() {
    return status() == IntentStatus.COMPLETED
        && result().map(IntentResult::isSettled).orElse(false);
  }

  /** True when the card was charged (or, for a refund or void, the money went back). */
  public boolean isApproved() {
    return isSettled() && result().get() == IntentResult.APPROVED;
  }

  /** What the ERP should do next; {@link NextStep#RECOVER} while anything is in doubt. */
  public NextStep nextStep() {
    return isSettled() ? result().get().nextStep() : NextStep.RECOVER;
  }

  /**
   * What the ERP's myDATA invoice needs about this payment; empty unless approved, and always empty
   * for a void (it cancels a payment: the original's myDATA line is withdrawn, none is added).
   */
  public Optional<MyDataPayment> myDataPayment() {
    if (!isApproved() || kind() == TransactionType.VOID) {
      return Optional.empty();
    }
    return Optional.of(
        MyDataPayment.builder()
            .type(
                paymentMethod().orElse(PaymentMethod.CARD) == PaymentMethod.IRIS
                    ? MyDataPayment.TYPE_IRIS
                    : MyDataPayment.TYPE_POS)
            .amount(amount())
            .tipAmount(tip())
            .tid(terminal().tid())
            .transactionId(transactionId())
            .signature(signature())
            .endToEndReference(endToEndReference())
            .build());
  }

  /** A new builder, for providers. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PaymentIntent}; used by providers and fakes. */
  public static final class Builder extends ImmutablePaymentIntent.Builder {
    Builder() {}
  }
}
