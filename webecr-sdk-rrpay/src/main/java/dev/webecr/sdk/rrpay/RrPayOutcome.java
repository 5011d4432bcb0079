package dev.webecr.sdk.rrpay;

/** How RRPay ended a sale. */
public enum RrPayOutcome {
  /** Paid and fiscalised: the receipt was printed. */
  PAID,
  /** Cancelled before fiscalisation: no fiscal trace. */
  CANCELLED,
  /** Failed: nothing paid, nothing fiscalised. */
  FAILED
}
