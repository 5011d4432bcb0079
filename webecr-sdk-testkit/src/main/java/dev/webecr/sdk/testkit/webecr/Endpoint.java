package dev.webecr.sdk.testkit.webecr;

/** The WebECR endpoints of the fake server, for injecting faults and counting requests. */
public enum Endpoint {
  /** {@code POST /api/token/}. */
  TOKEN,
  /** {@code POST /api/token/refresh/}. */
  TOKEN_REFRESH,
  /** {@code POST authorization/redeem/}. */
  REDEEM,
  /** {@code GET terminal/}. */
  TERMINALS,
  /** {@code POST terminal/{id}/txninit/}. */
  TXNINIT,
  /** {@code POST terminal/{id}/txnvoid/}. */
  TXNVOID,
  /** {@code GET terminal/{id}/txnvoid/}: the older API's list of a terminal's voids. */
  VOIDS,
  /** {@code GET transactionintent/{id}/}. */
  INTENT,
  /** {@code GET transactionintent/}. */
  INTENTS,
  /** {@code GET transaction/}. */
  TRANSACTIONS,
  /** Anything else. */
  OTHER
}
