package dev.webecr.sdk.viva.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.ProviderRejectedException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** §13: the webhook verification key, {@code {"Key": "..."}} for Basic Merchant ID : API Key. */
public final class WebhookKey {
  private WebhookKey() {}

  /** See {@code VivaWebhooks.fetchKey}. */
  public static String fetch(String keyUrl, String merchantId, String apiKey) {
    HttpUrl url = HttpUrl.parse(keyUrl);
    if (url == null) {
      throw new dev.webecr.sdk.InvalidRequestException("keyUrl", "not an http(s) URL");
    }
    OkHttpClient http =
        new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(20))
            .followRedirects(false)
            .build();
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", Credentials.basic(merchantId, apiKey))
            .build();
    try (Response r = http.newCall(request).execute();
        ResponseBody body = r.body()) {
      String text = body == null ? "" : body.string();
      if (r.code() == 401 || r.code() == 403) {
        throw new AuthenticationException(
            "GET webhook key: Viva refused the merchant id and API key (HTTP " + r.code() + ")",
            r.code());
      }
      if (!r.isSuccessful()) {
        throw new ProviderRejectedException(
            "GET webhook key: Viva answered HTTP " + r.code(), r.code(), null, r.code() >= 500);
      }
      try {
        return VivaJson.object(text)
            .text("Key")
            .filter(k -> !k.isBlank())
            .orElseThrow(() -> new UnreadableAnswer("no Key"));
      } catch (UnreadableAnswer e) {
        throw new ProviderRejectedException(
            "GET webhook key: unreadable answer (" + e.getMessage() + ")",
            r.code(),
            "malformed_answer",
            true);
      }
    } catch (IOException e) {
      throw new ConnectionException(
          "GET webhook key failed (" + e.getClass().getSimpleName() + ")", false, null, e);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
