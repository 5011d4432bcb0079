package dev.webecr.sdk.mellon;

/**
 * Which id of the original transaction a linked refund sends in {@code InitialTransaction}:
 * integrator code sends the transaction record's {@code Id}, vendor wording says {@code
 * TransactionId}. Configurable until Mellon's spec settles it.
 */
public enum InitialTransactionField {
  /** The transaction record's integer id (the intent's {@code Transaction}). The default. */
  TRANSACTION_RECORD_ID,
  /** The legal unique payment id ({@code TransactionId}). */
  TRANSACTION_ID
}
