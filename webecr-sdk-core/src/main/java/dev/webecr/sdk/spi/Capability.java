package dev.webecr.sdk.spi;

/** What a provider can do; {@link PosProvider#capabilities()} lists them. */
public enum Capability {
  /** Pair a terminal with a redeem code shown on it. */
  REDEEM,
  /** List the terminals an API key reaches. */
  LIST_TERMINALS,
  /** Card sales. */
  SALE,
  /** Refunds. */
  REFUND,
  /** Voids of an earlier transaction. */
  VOID,
  /** List the intents of a period. */
  LIST_INTENTS,
  /** Every payment must carry a {@link dev.webecr.sdk.ProviderSignature} (Greece). */
  SIGNATURE_REQUIRED,
  /** The create call can wait server-side for the card dialogue's result. */
  SERVER_SIDE_WAIT,
  /** Instalments. */
  INSTALLMENTS,
  /** The basket lines of a sale (the provider prints the fiscal receipt). */
  BASKET,
  /**
   * Asking about an attempt costs nothing remote (a local exchange folder): recovery asks at every
   * run rather than backing off, so an answer that arrived is taken at once.
   */
  LOCAL_LOOKUPS
}
