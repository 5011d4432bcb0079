package dev.webecr.sdk;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The earlier transaction a refund or void refers to. The provider identifies it by {@link
 * #intentId()} or {@link #transactionId()}; the RRN and MID are the original's card data, kept for
 * display and lookup. Get one from an approved intent with {@link #of(PaymentIntent)}.
 */
@Value.Immutable
public abstract class OriginalTransaction {
  OriginalTransaction() {}

  /** The provider's id of the original intent. */
  public abstract Optional<String> intentId();

  /** The original's legal unique payment id (Mellon's TransactionId). */
  public abstract Optional<String> transactionId();

  /** The original's retrieval reference number. */
  public abstract Optional<String> rrn();

  /** The original's merchant id. */
  public abstract Optional<String> merchantId();

  /** The original's transaction record id at the provider, where it has one. */
  public abstract Optional<String> transactionRecordId();

  /**
   * The original's amount, when known: a linked refund may give back at most what is left of it, a
   * completion charge at most the pre-authorisation.
   */
  public abstract Optional<Money> amount();

  /** What the original was (a sale, a pre-authorisation, ...), when known. */
  public abstract Optional<TransactionType> kind();

  /**
   * Whether the original was approved, when known (empty while it is in doubt): a void of one known
   * not to be approved is refused.
   */
  public abstract Optional<Boolean> approved();

  /** The original of an intent the provider returned. */
  public static OriginalTransaction of(PaymentIntent intent) {
    return builder()
        .intentId(intent.id())
        .transactionId(intent.transactionId())
        .rrn(intent.rrn())
        .merchantId(intent.terminal().merchantId())
        .transactionRecordId(intent.transactionRecordId())
        .amount(intent.amount())
        .kind(intent.kind())
        // in doubt: unknown, and the provider decides (a cancel of a sale in doubt is valid)
        .approved(intent.isSettled() ? Optional.of(intent.isApproved()) : Optional.empty())
        .build();
  }

  @Value.Check
  void check() {
    if (intentId().isEmpty() && transactionId().isEmpty()) {
      throw new InvalidRequestException("original", "needs the original intentId or transactionId");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OriginalTransaction}. */
  public static final class Builder extends ImmutableOriginalTransaction.Builder {
    Builder() {}
  }
}
