package dev.webecr.sdk.spi;

/** What became of a signed attempt, for the e-invoicing provider's records. */
public enum SignatureOutcome {
  /** The payment was approved: the signature is used. */
  USED,
  /** Nothing was charged (declined, cancelled, busy, never sent): the signature is void. */
  CANCELLED
}
