package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PairingRevokedException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control API under {@code /_fake/} over real HTTP, with the SDK paying on the real clock (a
 * person's key arrives while the SDK waits, as on the page): what each key does to the payment, and
 * the pairing, fault and reset operations.
 */
class FakeControlApiTest {
  private final FakeWebEcrServer server = FakeWebEcrServer.builder().build().start();
  private final PosProvider mellon = MellonProvider.create(server.mellonConfig().build());
  private final PosClient client =
      PosClient.builder()
          .provider(mellon)
          .journal(Journals.inMemory())
          .signer(new TestSigner(Clock.systemUTC()))
          .build();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void quickDialogues() {
    RealClockFake.quickAndKind(server); // the kind variant, on purpose: see there
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void terminalsAreListedWithTheirProfileAndState() throws Exception {
    HttpResponse<String> r = get("/_fake/terminals");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    Map<String, Object> body = FakeJson.body(r.body());
    assertThat(body).containsEntry("redeemCode", FakeTerminals.REDEEM_CODE);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> terminals = (List<Map<String, Object>>) body.get("terminals");
    assertThat(terminals).hasSize(FakeTerminals.seeded().size());
    assertThat(terminals.get(1))
        .containsEntry("tid", "10000002")
        .containsEntry("profile", "DECLINE")
        .containsEntry("state", "idle");
  }

  @Test
  void eachKeyDecidesAManualTerminalsPaymentAsItSays() throws Exception {
    Terminal till = paired().get(0);
    assertThat(post("/_fake/terminals/10000001/profile?profile=MANUAL").statusCode())
        .isEqualTo(200);
    assertThat(payPressing(till, "KEY-1", "decline").result()).contains(IntentResult.DECLINED);
    assertThat(payPressing(till, "KEY-2", "cancel").result()).contains(IntentResult.CANCELLED);
    assertThat(payPressing(till, "KEY-3", "fail").result()).contains(IntentResult.FAILED);
    assertThat(payPressing(till, "KEY-4", "approve").result()).contains(IntentResult.APPROVED);
    assertThat(server.fake().approvalsByReference()).containsOnlyKeys("KEY-4-A1");
    assertThat(server.fake().terminal("10000001").batchCount()).isEqualTo(1);
  }

  @Test
  void aLostLinkAfterTheHostApprovedIsFoundByItsCardTransactionNotReportedAsNothing()
      throws Exception {
    Terminal till = paired().get(0);
    assertThat(post("/_fake/terminals/10000001/profile?profile=MANUAL").statusCode())
        .isEqualTo(200);

    PaymentIntent paid = payPressing(till, "LINK-1", "lose-link");

    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(server.fake().approvalsByReference()).containsEntry("LINK-1-A1", 1);
  }

  @Test
  void behaviourSwitchesAreSetByNameAndABadOneListsTheSwitches() throws Exception {
    assertThat(post("/_fake/behaviour?name=late-commit&value=70,30").statusCode()).isEqualTo(200);
    assertThat(post("/_fake/behaviour?name=voids-on-original&value=true").statusCode())
        .isEqualTo(200);
    HttpResponse<String> bad = post("/_fake/behaviour?name=teapot&value=1");
    HttpResponse<String> badValue = post("/_fake/behaviour?name=listing-lag&value=soon");

    assertThat(server.fake().behaviour().gatewayTimeout()).isEqualTo(Duration.ofSeconds(70));
    assertThat(server.fake().behaviour().voidsOnOriginal()).isTrue();
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("refuse-after-commit").doesNotContain("Exception");
    assertThat(badValue.statusCode()).isEqualTo(400);
    assertThat(badValue.body()).contains("whole number");
  }

  @Test
  void aBadActionProfileFaultOrNumberIsRefusedNamingWhatIsAllowed() throws Exception {
    HttpResponse<String> action = post("/_fake/terminals/10000001/dance");
    HttpResponse<String> profile = post("/_fake/terminals/10000001/profile?profile=HAPPY");
    HttpResponse<String> fault = post("/_fake/faults?endpoint=txninit&fault=teapot");
    HttpResponse<String> endpoint = post("/_fake/faults?endpoint=coffee&fault=reset");
    HttpResponse<String> seconds = post("/_fake/terminals/10000001/approve-after?seconds=soon");

    assertThat(List.of(action, profile, fault, endpoint, seconds))
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(400);
              assertThat(r.body()).doesNotContain("No enum constant", "For input string");
            });
    assertThat(action.body()).contains("approve", "decline", "close-batch");
    assertThat(profile.body()).contains("APPROVE", "MANUAL");
    assertThat(fault.body()).contains("reset-after", "delay-");
    assertThat(endpoint.body()).contains("TXNINIT", "TOKEN");
    assertThat(seconds.body()).contains("seconds", "whole number");
  }

  @Test
  void pressingWithNoPaymentRunningIsAConflictAndAnUnknownTerminalABadRequest() throws Exception {
    assertThat(post("/_fake/terminals/10000001/approve").statusCode()).isEqualTo(409);
    assertThat(post("/_fake/terminals/99999999/approve").statusCode()).isEqualTo(400);
    assertThat(post("/_fake/terminals/10000001/dance").statusCode()).isEqualTo(400);
    assertThat(post("/_fake/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void aNewRedeemCodePairsOnceAndRevokingUnpairsEveryTerminal() throws Exception {
    String code = String.valueOf(FakeJson.body(post("/_fake/redeem-code").body()).get("code"));
    assertThat(code).matches("\\d{8}");
    ApiKey key = client.pair(code);
    assertThatThrownBy(() -> client.pair(code)).isInstanceOf(ProviderRejectedException.class);
    Terminal till = client.terminals(key).get(0);

    assertThat(post("/_fake/api-keys/revoke").statusCode()).isEqualTo(200);

    assertThatThrownBy(() -> client.terminals(key)).isInstanceOf(PairingRevokedException.class);
    assertThat(till.tid()).isEqualTo("10000001");
  }

  @Test
  void revokingOneKeyUnpairsOnlyItsTerminal() throws Exception {
    ApiKey first = client.pair(FakeTerminals.REDEEM_CODE);
    ApiKey second = client.pair(FakeTerminals.REDEEM_CODE);

    assertThat(post("/_fake/api-keys/revoke?key=" + first.reveal()).statusCode()).isEqualTo(200);

    assertThatThrownBy(() -> client.terminals(first)).isInstanceOf(PairingRevokedException.class);
    assertThat(client.terminals(second)).isNotEmpty();
    assertThat(post("/_fake/api-keys/revoke?key=" + first.reveal()).statusCode()).isEqualTo(400);
  }

  @Test
  void anInjectedFaultHitsTheNextRequestOfItsEndpointAndTheLogShowsNoSecrets() throws Exception {
    List<Terminal> terminals = paired();
    assertThat(post("/_fake/faults?endpoint=terminals&fault=503").statusCode()).isEqualTo(200);

    assertThat(client.terminals(terminals.get(0).apiKey().orElseThrow())).isNotEmpty(); // retried

    String log = get("/_fake/requests?limit=20").body();
    assertThat(log).contains("GET /api/v2.2/terminal/");
    assertThat(log).doesNotContain(FakeWebEcr.PASSWORD).doesNotContain("fake-key-");
    assertThat(server.requestCount(Endpoint.TERMINALS)).isEqualTo(3); // paired, faulted, retried
  }

  @Test
  void resetForgetsPaymentsAndPairingsAndRestoresTheSeededProfiles() throws Exception {
    Terminal till = paired().get(0);
    post("/_fake/terminals/10000001/profile?profile=DECLINE");
    client.pay(sale(till, "RESET-1"));

    assertThat(post("/_fake/reset").statusCode()).isEqualTo(200);

    assertThat(server.fake().creates()).isZero();
    assertThat(server.fake().terminal("10000001").profile()).isEqualTo(TerminalProfile.APPROVE);
    assertThatThrownBy(() -> client.terminals(till.apiKey().orElseThrow()))
        .isInstanceOf(PairingRevokedException.class);
  }

  @Test
  void theQaPageIsServedAtTheRootWithItsScriptAndStyle() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("/_fake/qa.js").doesNotContain("http://", "https://");
    for (String file : List.of("qa.js", "qa.css")) {
      assertThat(get("/_fake/" + file).statusCode()).isEqualTo(200);
    }
  }

  private PaymentIntent payPressing(Terminal till, String reference, String action)
      throws Exception {
    java.util.concurrent.CompletableFuture<PaymentIntent> paying =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> client.pay(sale(till, reference)));
    awaitRunning("10000001");
    assertThat(post("/_fake/terminals/10000001/" + action).statusCode()).isEqualTo(200);
    return paying.get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  private void awaitRunning(String tid) throws Exception {
    for (int i = 0; i < 2000; i++) { // as the page does: ask until the terminal shows it
      if (server.control().terminals().stream()
          .anyMatch(t -> t.get("tid").equals(tid) && !t.get("state").equals("idle"))) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no payment started on " + tid);
  }

  private List<Terminal> paired() {
    return client.terminals(client.pair(FakeTerminals.REDEEM_CODE));
  }

  private static PaymentRequest sale(Terminal t, String reference) {
    return PaymentRequest.builder()
        .terminal(t)
        .amount(Money.parse("12.40", Money.EUR))
        .reference(reference)
        .build();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
