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
  /** JCC. */
  JCC("https://gbl.mreceipts.com"),
  /** Attica Bank. */
  ATTICA("https://gbl.mreceipts.com"),
  /** Pancreta Bank. */
  PANCRETA("https://gbl.mreceipts.com"),
  /** Nexi. */
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
