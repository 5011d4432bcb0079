package dev.webecr.sdk.testkit.viva;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The Viva fake's control API: QA decide what the manual terminal 16000008 does. */
class FakeVivaControlTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> call(VivaTill till, String method, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(till.fake.url() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPersonEndsAManualSessionAndOnlyThatOne() throws Exception {
    try (VivaTill till = new VivaTill();
        PosClient client =
            till.clientBuilder(dev.webecr.sdk.Journals.inMemory(), till.steps).build()) {
      Terminal manual = till.terminal(FakeVivaTerminal.MANUAL);
      CompletableFuture<PaymentIntent> paying =
          client.payAsync(VivaTill.sale(manual, 1500, "CTL-1"));
      java.time.Instant later = till.clock.instant().plusSeconds(30);
      till.steps.runUntil(() -> true, () -> !till.clock.instant().isBefore(later));
      assertThat(paying).isNotDone(); // 30 s on, still waiting for the person

      assertThat(call(till, "GET", "_fake/sessions").body())
          .contains("\"sessionId\":\"CTL-1-A1\"")
          .contains("\"waitingForPerson\":true");
      assertThat(call(till, "POST", "_fake/sessions/CTL-1-A1/decline").statusCode()).isEqualTo(200);
      assertThat(call(till, "POST", "_fake/sessions/CTL-1-A1/approve").statusCode())
          .isEqualTo(409); // it ended: a second press changes nothing
      assertThat(call(till, "POST", "_fake/sessions/NOPE-A1/approve").statusCode()).isEqualTo(404);
      till.steps.runUntil(() -> true, paying::isDone);

      assertThat(paying.join().result()).contains(IntentResult.DECLINED);
      assertThat(till.fake.charges("CTL-1-A1")).isZero();
      assertThat(call(till, "GET", "_fake/").body()).contains("Fake Viva terminal");
    }
  }

  @Test
  void theStandaloneBannerNamesThePageTheCredentialsAndEveryTerminal() {
    try (FakeVivaServer fake = FakeVivaServer.builder().build().start()) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      FakeVivaMain.banner(
          fake, new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
      String banner = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);

      assertThat(banner).contains("QA page: " + fake.pageUrl()).contains(FakeVivaServer.CLIENT_ID);
      for (FakeVivaTerminal t : FakeVivaTerminal.values()) {
        assertThat(banner).contains("terminal " + t.terminalId() + "  " + t);
      }
    }
  }
}
