package dev.webecr.sdk.viva;

/** Viva's two environments: the API host and the OAuth token endpoint of each. */
public enum VivaEnvironment {
  /** Live payments. */
  PRODUCTION("https://api.vivapayments.com/", "https://accounts.vivapayments.com/connect/token"),
  /** Viva's demo: no AADE mode, a minimum of 0.30 EUR. */
  DEMO(
      "https://demo-api.vivapayments.com/", "https://demo-accounts.vivapayments.com/connect/token");

  private final String apiUrl;
  private final String tokenUrl;

  VivaEnvironment(String apiUrl, String tokenUrl) {
    this.apiUrl = apiUrl;
    this.tokenUrl = tokenUrl;
  }

  /** The API's base URL, ending in {@code /}. */
  public String apiUrl() {
    return apiUrl;
  }

  /** The OAuth2 token endpoint. */
  public String tokenUrl() {
    return tokenUrl;
  }
}
