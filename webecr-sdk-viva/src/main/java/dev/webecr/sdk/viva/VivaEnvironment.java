package dev.webecr.sdk.viva;

/**
 * Viva's two environments: the API host, the OAuth token endpoint and the webhook key endpoint of
 * each (viva-cloud-terminal §2).
 */
public enum VivaEnvironment {
  /** Live payments. */
  PRODUCTION(
      "https://api.vivapayments.com/",
      "https://accounts.vivapayments.com/connect/token",
      "https://www.vivapayments.com/api/messages/config/token"),
  /** Viva's demo: no AADE mode, a minimum of 0.30 EUR. */
  DEMO(
      "https://demo-api.vivapayments.com/",
      "https://demo-accounts.vivapayments.com/connect/token",
      "https://demo.vivapayments.com/api/messages/config/token");

  private final String apiUrl;
  private final String tokenUrl;
  private final String webhookKeyUrl;

  VivaEnvironment(String apiUrl, String tokenUrl, String webhookKeyUrl) {
    this.apiUrl = apiUrl;
    this.tokenUrl = tokenUrl;
    this.webhookKeyUrl = webhookKeyUrl;
  }

  /** Where the merchant's webhook verification key is fetched ({@link VivaWebhooks#fetchKey}). */
  public String webhookKeyUrl() {
    return webhookKeyUrl;
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
