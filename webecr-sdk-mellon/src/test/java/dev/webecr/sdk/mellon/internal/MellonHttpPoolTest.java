package dev.webecr.sdk.mellon.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.webecr.sdk.mellon.MellonConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a burst of concurrent calls the client keeps their connections for the next burst, instead
 * of OkHttp's default 5: a till's create should not wait for a TCP and TLS handshake because other
 * tills paid a moment before.
 */
class MellonHttpPoolTest {
  private static final int BURST = 12;

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final ExecutorService tills = Executors.newFixedThreadPool(BURST);
  private MellonHttp http;

  @AfterEach
  void stop() {
    tills.shutdownNow();
    if (http != null) {
      http.close();
    }
    server.stop();
  }

  @Test
  void theConnectionsOfABurstOfCallsAreKeptForTheNext() {
    server.start();
    long exp = Clock.systemUTC().instant().plus(Duration.ofHours(1)).getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String jwt =
        b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(("{\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8))
            + ".sig";
    server.stubFor(
        post(urlEqualTo("/api/token/"))
            .willReturn(okJson("{\"access\":\"" + jwt + "\",\"refresh\":\"r\"}")));
    // every read is answered after 1 s: the burst's calls are all in flight at once
    server.stubFor(
        get(urlPathMatching(".*/transactionintent/[0-9]+/"))
            .willReturn(okJson("{\"Id\":1}").withFixedDelay(1000)));
    http =
        new MellonHttp(
            MellonConfig.builder()
                .baseUrl(server.baseUrl())
                .allowInsecureHttp(true)
                .username("user")
                .password("pass")
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20))
                .build(),
            Clock.systemUTC());

    List<CompletableFuture<Answer>> burst = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      String id = String.valueOf(i + 1);
      burst.add(
          CompletableFuture.supplyAsync(
              () -> http.api().intent("key", id, CallFacts.read("GET transactionintent/{id}", "T")),
              tills));
    }
    burst.forEach(CompletableFuture::join);

    assertThat(http.idleConnections()).isEqualTo(BURST); // OkHttp's default pool: 5
  }
}
