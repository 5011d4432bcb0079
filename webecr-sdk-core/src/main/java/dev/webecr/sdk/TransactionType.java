package dev.webecr.sdk;

/** What a payment request asks the terminal to do. */
public enum TransactionType {
  /** Charge the card. */
  SALE,
  /** Give money back to a card, linked to an original sale or not. */
  REFUND,
  /** Cancel an earlier transaction of the same batch. */
  VOID
}
