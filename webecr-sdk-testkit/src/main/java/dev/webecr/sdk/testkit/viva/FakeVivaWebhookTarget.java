package dev.webecr.sdk.testkit.viva;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the fake posts Viva's webhooks (viva-cloud-terminal §13): the ERP's URL over HTTP, or in a
 * test the ERP's handler called straight.
 */
public interface FakeVivaWebhookTarget {
  /** Viva's check of the URL: the body the ERP answers a GET with. */
  String get() throws IOException;

  /** One event posted: the status the ERP answered. */
  int post(String body) throws IOException;

  /** The ERP's webhook URL, reached over HTTP. */
  static FakeVivaWebhookTarget http(URI url) {
    Objects.requireNonNull(url, "url == null");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return new FakeVivaWebhookTarget() {
      @Override
      public String get() throws IOException {
        return send(HttpRequest.newBuilder(url).GET()).body();
      }

      @Override
      public int post(String body) throws IOException {
        return send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)))
            .statusCode();
      }

      private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
          return http.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }

      @Override
      public String toString() {
        return "webhook target " + url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
      }
    };
  }
}
