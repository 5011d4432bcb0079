package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.MutableClock;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.VirtualTimeScheduler;
import dev.webecr.sdk.spi.PosProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The Mellon contract's stubs, in one place: a WireMock server that answers like WebECR, and a
 * provider configured against it on virtual time (retry waits move a clock, never sleep).
 */
final class WebEcrStubs implements AutoCloseable {
  static final String USERNAME = "erp-vendor";
  static final String PASSWORD = "pa55-SECRET-word";
  static final String API_KEY = "ak_SECRET_358046";
  static final String CALL_ID = "358046";
  static final String TID = "64999964";
  static final String BASE = "/api/v2.2/";
  static final String TXNINIT = BASE + "terminal/" + CALL_ID + "/txninit/";
  static final String TXNVOID = BASE + "terminal/" + CALL_ID + "/txnvoid/";
  static final String SIGNATURE = "MEUCIQ-SECRET-SIGNATURE==";

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final VirtualTimeScheduler retryScheduler = new VirtualTimeScheduler(clock);
  final String access;
  final String refresh = "refresh-SECRET-token";

  WebEcrStubs() {
    server.start();
    access = jwt(clock.instant().plus(Duration.ofHours(1)));
    stubToken(access);
    // the lookup before a first attempt, and a period's card records (for transactions started
    // on the POS): nothing unless a test stubs them
    server.stubFor(
        get(urlPathEqualTo(BASE + "transactionintent/"))
            .atPriority(10)
            .willReturn(okJson("{\"count\":0,\"next\":null,\"results\":[]}")));
    server.stubFor(
        get(urlPathEqualTo(BASE + "transaction/"))
            .atPriority(10)
            .willReturn(okJson("{\"count\":0,\"next\":null,\"results\":[]}")));
  }

  static String jwt(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(
            ("{\"exp\":" + exp.getEpochSecond() + ",\"user\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8))
        + ".SECRETSIG";
  }

  MellonConfig.Builder configBuilder() {
    MellonConfig.Builder b = MellonConfig.builder();
    b.baseUrl(server.baseUrl())
        .allowInsecureHttp(true)
        .username(USERNAME)
        .password(PASSWORD)
        .connectTimeout(Duration.ofMillis(500))
        .readTimeout(Duration.ofMillis(500))
        .callTimeout(Duration.ofSeconds(3))
        .retryBackoff(Duration.ofMillis(100))
        .retryScheduler(retryScheduler);
    return b;
  }

  PosProvider provider() {
    return MellonProvider.create(configBuilder().build(), clock);
  }

  Terminal terminal() {
    return Terminal.builder()
        .providerId("mellon")
        .tid(TID)
        .callId(CALL_ID)
        .apiKey(ApiKey.of(API_KEY))
        .build();
  }

  void stubToken(String accessToken) {
    server.stubFor(
        post(urlEqualTo("/api/token/"))
            .willReturn(
                okJson("{\"access\":\"" + accessToken + "\",\"refresh\":\"" + refresh + "\"}")));
  }

  void stubRedeem() {
    server.stubFor(
        post(urlEqualTo(BASE + "authorization/redeem/"))
            .willReturn(okJson("{\"Id\":\"" + API_KEY + "\",\"Type\":\"webecr\"}")));
  }

  void stubTerminals() {
    server.stubFor(
        get(urlEqualTo(BASE + "terminal/"))
            .willReturn(
                okJson(
                    "{\"count\":3,"
                        + "\"next\":\""
                        + server.baseUrl()
                        + BASE
                        + "terminal/?limit=2&offset=2\",\"previous\":null,"
                        + "\"results\":[{\"id\":358046,\"TerminalID\":\"64999964\",\"FriendlyName\":\"Till 1\","
                        + "\"TerminalType\":\"A920\",\"Merchant\":\"000001234567\",\"Locked\":false,"
                        + "\"CurrentBatchNumber\":12},"
                        + "{\"Id\":358047,\"terminalid\":\"06499996\",\"friendlyname\":\"Till 2\"}]}")));
    server.stubFor(
        get(urlEqualTo(BASE + "terminal/?limit=2&offset=2"))
            .willReturn(
                okJson(
                    "{\"count\":3,\"next\":null,\"results\":[{\"id\":358048,\"TerminalID\":\"64999966\"}]}")));
  }

  static String intent(long id, int status, Integer result, String reference) {
    return "{\"Id\":"
        + id
        + ",\"Status\":"
        + status
        + ",\"Result\":"
        + result
        + ",\"Terminal\":"
        + CALL_ID
        + ",\"Transaction\":9001,"
        + "\"TransactionId\":\"075121702285176315144\",\"TxnType\":0,\"Amount\":2480,"
        + "\"CurrencyCode\":978,\"CustomerReference\":\""
        + reference
        + "\","
        + "\"Timestamp\":\"2026-11-22T10:00:00Z\",\"NewField\":{\"x\":[1,2]}}";
  }

  static String page(String... items) {
    return "{\"count\":"
        + items.length
        + ",\"next\":null,\"previous\":null,\"results\":["
        + String.join(",", items)
        + "]}";
  }

  static String transaction(String reference, boolean approved) {
    return "{\"Id\":9001,\"RRN\":\"012345678901\",\"AuthCode\":\"0A1B2C\",\"STAN\":\"000123\","
        + "\"TID\":\""
        + TID
        + "\",\"MID\":\"000001234567\",\"CardType\":\"VISA\","
        + "\"CardPAN\":\"411111******1111\",\"Approved\":"
        + approved
        + ",\"Voided\":false,"
        + "\"Timestamp\":\"2026-11-22T10:00:42Z\",\"CustomerReference\":\""
        + reference
        + "\"}";
  }

  void stubCreate(String intentJson) {
    server.stubFor(post(urlEqualTo(TXNINIT)).willReturn(okJson(intentJson)));
  }

  void stubVoid(String intentJson) {
    server.stubFor(post(urlEqualTo(TXNVOID)).willReturn(okJson(intentJson)));
  }

  void stubIntent(long id, String intentJson) {
    server.stubFor(
        get(urlEqualTo(BASE + "transactionintent/" + id + "/")).willReturn(okJson(intentJson)));
  }

  /** The intent answers each JSON in turn, the last one from then on. */
  void stubIntentSequence(long id, String... answers) {
    for (int i = 0; i < answers.length; i++) {
      server.stubFor(
          get(urlEqualTo(BASE + "transactionintent/" + id + "/"))
              .inScenario("intent-" + id)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll-" + i)
              .willSetStateTo(i == answers.length - 1 ? "poll-" + i : "poll-" + (i + 1))
              .willReturn(okJson(answers[i])));
    }
  }

  /**
   * {@code reference} is listed only from its second lookup on: the first is the client's lookup
   * before the first attempt, when WebECR has nothing under it yet; the create then makes it.
   */
  void stubListedAfterTheCreate(String reference, String pageJson) {
    String scenario = "listed " + reference;
    server.stubFor(
        get(urlPathEqualTo(BASE + "transactionintent/"))
            .withQueryParam("CustomerReference", equalTo(reference))
            .inScenario(scenario)
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willSetStateTo("created")
            .willReturn(okJson(page())));
    server.stubFor(
        get(urlPathEqualTo(BASE + "transactionintent/"))
            .withQueryParam("CustomerReference", equalTo(reference))
            .inScenario(scenario)
            .whenScenarioStateIs("created")
            .willReturn(okJson(pageJson)));
  }

  void stubFindByReference(String reference, String pageJson) {
    server.stubFor(
        get(urlPathEqualTo(BASE + "transactionintent/"))
            .withQueryParam("CustomerReference", equalTo(reference))
            .willReturn(okJson(pageJson)));
  }

  void stubTransactions(String pageJson) {
    server.stubFor(
        get(urlPathEqualTo(BASE + "transaction/"))
            .withQueryParam("TID", equalTo(TID))
            .willReturn(okJson(pageJson)));
  }

  /** The first answer of {@code stub} is {@code fault}, every later one {@code then}. */
  void faultOnce(
      Supplier<MappingBuilder> stub,
      ResponseDefinitionBuilder fault,
      ResponseDefinitionBuilder then) {
    String name = "fault-" + java.util.UUID.randomUUID();
    server.stubFor(
        stub.get()
            .inScenario(name)
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("recovered")
            .willReturn(fault));
    server.stubFor(stub.get().inScenario(name).whenScenarioStateIs("recovered").willReturn(then));
  }

  int count(RequestPatternBuilder pattern) {
    return server.countRequestsMatching(pattern.build()).getCount();
  }

  static ResponseDefinitionBuilder status(int code) {
    return aResponse().withStatus(code);
  }

  @Override
  public void close() {
    server.stop();
  }
}
