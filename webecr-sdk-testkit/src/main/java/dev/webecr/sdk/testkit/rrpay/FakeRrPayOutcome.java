package dev.webecr.sdk.testkit.rrpay;

/** How the fake RRPay ends the next request ({@link FakeRrPay#nextOutcome}). */
public enum FakeRrPayOutcome {
  /** Paid by card (credit 2), card details included. */
  CARD,
  /** Paid in cash (credit 1), rounded to 5 cents with a rounding line. */
  CASH,
  /** 10.00 EUR by card, the rest in cash (rounded). */
  CARD_AND_CASH,
  /** Cancelled before fiscalisation. */
  CANCELLED,
  /** Failed. */
  FAILED,
  /** Acknowledged and printed, but no result comes back (until {@link FakeRrPay#deliverResult}). */
  PRINTED_NO_ANSWER,
  /** A result that is not JSON. */
  MALFORMED,
  /** A paid result whose tenders do not add up to the total. */
  WRONG_SUM,
  /**
   * Acknowledged; the customer has not paid yet, nothing is printed: an F8 cancel now wins (the
   * sale ends CANCELLED); {@link FakeRrPay#deliverResult} lets the customer pay by card.
   */
  AWAITING_CARD
}
