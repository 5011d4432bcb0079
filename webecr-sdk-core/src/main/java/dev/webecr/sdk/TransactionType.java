package dev.webecr.sdk;

/**
 * What a payment request asks the terminal to do. A provider says which it can run through {@link
 * dev.webecr.sdk.spi.Capability} (one constant of the same name each); the client refuses the
 * others before anything is sent.
 */
public enum TransactionType {
  /** Charge the card. */
  SALE,
  /** Give money back to a card, linked to an original sale or not. */
  REFUND,
  /** Cancel an earlier transaction of the same batch. */
  VOID,
  /** Reserve an amount on the card (hotels, rentals); nothing is charged until it is completed. */
  PRE_AUTHORISATION,
  /** Charge a pre-authorisation, at most its amount; names it as the original. */
  PRE_AUTH_COMPLETION,
  /** A mail or telephone order: the card is not present, its details are keyed in. */
  MAIL_ORDER,
  /** Cash paid out to the card holder against the card. */
  CASH_ADVANCE,
  /** A card payment that is not a sale of goods (the acquirer's "card payment" type). */
  CARD_PAYMENT,
  /** A bill payment. */
  BILL_PAYMENT,
  /** Another kind of payment the acquirer knows. */
  OTHER_PAYMENT,
  /** A payment made before the service (a deposit). */
  PRE_PAYMENT;

  /** True when the card holder pays the merchant (everything but refunds and voids). */
  public boolean charges() {
    return this != REFUND && this != VOID;
  }

  /** True when the request must name an original transaction: a void and a completion. */
  public boolean needsOriginal() {
    return this == VOID || this == PRE_AUTH_COMPLETION;
  }

  /** True when the request may name an original: those that need one, and a linked refund. */
  public boolean allowsOriginal() {
    return needsOriginal() || this == REFUND;
  }
}
