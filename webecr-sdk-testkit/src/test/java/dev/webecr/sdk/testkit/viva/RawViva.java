package dev.webecr.sdk.testkit.viva;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The fake Viva server called without the SDK: what a request forced past its checks meets. */
final class RawViva {
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeVivaServer fake;

  RawViva(FakeVivaServer fake) {
    this.fake = fake;
  }

  String token(String id, String secret) throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(fake.url() + "connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }

  HttpResponse<String> post(String path, String token, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(fake.url() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(fake.url() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
