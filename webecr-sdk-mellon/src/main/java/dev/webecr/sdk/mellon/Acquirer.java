package dev.webecr.sdk.mellon;

/**
 * Acquirer networks that serve Mellon WebECR, with their base URLs. Any other host serving the same
 * API is configured with {@link MellonConfig.Builder#baseUrl(String)}.
 */
public enum Acquirer {
  /** National Bank of Greece. */
  NBG("https://www.mreceipts.com"),
  /** Worldline / Cardlink. */
  WORLDLINE("https://wl.mreceipts.com"),
  /** JCC: the {@code gbl.} host from the ERP vendor's guide, unverified. */
  JCC("https://gbl.mreceipts.com"),
  /** Attica Bank: the {@code gbl.} host from the ERP vendor's guide, unverified. */
  ATTICA("https://gbl.mreceipts.com"),
  /** Pancreta Bank: the {@code gbl.} host from the ERP vendor's guide, unverified. */
  PANCRETA("https://gbl.mreceipts.com"),
  /**
   * Nexi: the {@code nexi.} host from the ERP vendor's guide, unverified (the one production ERP
   * seen calls another Nexi WebECR host: configure yours with {@code baseUrl} if it differs).
   */
  NEXI("https://nexi.mreceipts.com"),
  /** Mellon's test environment (simulator). */
  MELLON_TEST("https://uat.mreceipts.com");

  private final String baseUrl;

  Acquirer(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The network's base URL, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }
}
