package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.Terminal;

/** WebECR's pairing answers (a redeem, the terminal list) to core types, with their field names. */
final class PairingAnswers {
  private PairingAnswers() {}

  /** A terminal of the list; anything unreadable is a {@link MalformedAnswer}. */
  static Terminal terminal(WireJson t, ApiKey apiKey) {
    try {
      Terminal.Builder b =
          Terminal.builder()
              .providerId(MellonMapper.PROVIDER_ID)
              .tid(
                  t.text("TerminalID")
                      .orElseThrow(() -> new MalformedAnswer("terminal without TerminalID")))
              .callId(t.text("id").orElseThrow(() -> new MalformedAnswer("terminal without id")))
              .merchantId(t.text("Merchant"))
              .model(t.text("TerminalType"))
              .label(t.text("FriendlyName"));
      if (apiKey != null) { // direct mode: none
        b.apiKey(apiKey);
      }
      return b.build();
    } catch (MalformedAnswer e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedAnswer("terminal not readable (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The API key a redeem answered. */
  static String apiKeyOf(WireJson redeemed) {
    return redeemed.text("Id").orElseThrow(() -> new MalformedAnswer("redeem answer without Id"));
  }
}
