package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.webecr.sdk.mellon.WebEcrStubs.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MellonProviderTest {
  private final WebEcrStubs stubs = new WebEcrStubs();
  private final PosProvider provider = stubs.provider();
  private final Terminal terminal = stubs.terminal();

  @AfterEach
  void stop() {
    provider.close();
    stubs.close();
  }

  static ProviderSignature signature(long cents) {
    return ProviderSignature.of(
        "B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;"
            + cents
            + ";20000;4800;24800;"
            + WebEcrStubs.TID,
        WebEcrStubs.SIGNATURE,
        "8",
        "800123456");
  }

  private CreateIntentCommand.Builder sale(String reference) {
    CreateIntentCommand.Builder b = CreateIntentCommand.builder();
    b.terminal(terminal)
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(2480))
        .providerReference(reference)
        .signature(signature(2480));
    return b;
  }

  @Test
  void redeemTradesTheCodeForAnApiKey() {
    stubs.stubRedeem();

    ApiKey key = provider.redeem("12345678");

    assertThat(key.reveal()).isEqualTo(WebEcrStubs.API_KEY);
    stubs.server.verify(
        postRequestedFor(urlEqualTo(BASE + "authorization/redeem/"))
            .withHeader("Authorization", equalTo("Bearer " + stubs.access))
            .withRequestBody(equalToJson("{\"Type\":\"webecr\",\"Code\":\"12345678\"}")));
    stubs.server.verify(
        postRequestedFor(urlEqualTo("/api/token/"))
            .withRequestBody(
                equalToJson("{\"username\":\"erp-vendor\",\"password\":\"pa55-SECRET-word\"}")));
  }

  @Test
  void terminalsFollowEveryPageAndKeepTidApartFromCallId() {
    stubs.stubTerminals();

    List<Terminal> terminals = provider.terminals(ApiKey.of(WebEcrStubs.API_KEY));

    assertThat(terminals)
        .extracting(Terminal::tid)
        .containsExactly("64999964", "06499996", "64999966");
    assertThat(terminals)
        .extracting(Terminal::callId)
        .containsExactly("358046", "358047", "358048");
    Terminal first = terminals.get(0);
    assertThat(first.merchantId()).contains("000001234567");
    assertThat(first.model()).contains("A920");
    assertThat(first.label()).contains("Till 1");
    assertThat(first.apiKey()).contains(ApiKey.of(WebEcrStubs.API_KEY));
    assertThat(
            stubs.count(
                getRequestedFor(urlPathEqualTo(BASE + "terminal/"))
                    .withHeader("X-Api-Key", equalTo(WebEcrStubs.API_KEY))))
        .isEqualTo(2);
  }

  @Test
  void saleSendsEveryFieldTheContractNames() {
    stubs.stubCreate(WebEcrStubs.intent(77, 1, null, "INV-1-A1"));

    PaymentIntent created = provider.create(sale("INV-1-A1").installments(3).build());

    assertThat(created.id()).isEqualTo("77");
    assertThat(created.status()).isEqualTo(IntentStatus.PENDING);
    assertThat(created.result()).isEmpty();
    stubs.server.verify(
        postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT))
            .withHeader("X-Api-Key", equalTo(WebEcrStubs.API_KEY))
            .withHeader("Authorization", equalTo("Bearer " + stubs.access))
            .withRequestBody(
                equalToJson(
                    "{\"TxnType\":0,\"Amount\":2480,\"CurrencyCode\":978,"
                        + "\"Instalments\":3,\"CustomerReference\":\"INV-1-A1\",\"PaymentType\":0,"
                        + "\"ProviderData\":{\"Uid\":\"B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC\","
                        + "\"SignatureTimestamp\":\"20260202140021\",\"NetAmount\":20000,\"VatAmount\":4800,"
                        + "\"TotalAmount\":24800,\"ProviderId\":\"8\",\"Signature\":\""
                        + WebEcrStubs.SIGNATURE
                        + "\"}}")));
  }

  @Test
  void serverSideWaitIsSentAsTimeoutInSeconds() {
    stubs.stubCreate(WebEcrStubs.intent(77, 2, null, "INV-1-A1"));

    provider.create(sale("INV-1-A1").serverWait(Duration.ofSeconds(600)).build());

    stubs.server.verify(
        postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT))
            .withRequestBody(equalToJson("{\"Timeout\":180}", true, true)));
  }

  @Test
  void linkedRefundNamesTheOriginalTransaction() {
    stubs.stubCreate(WebEcrStubs.intent(78, 1, null, "CN-1-A1"));
    OriginalTransaction original =
        OriginalTransaction.builder()
            .intentId("77")
            .transactionRecordId("9001")
            .transactionId("075121702285176315144")
            .build();

    provider.create(sale("CN-1-A1").kind(TransactionType.REFUND).original(original).build());

    stubs.server.verify(
        postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT))
            .withRequestBody(
                equalToJson("{\"TxnType\":1,\"InitialTransaction\":\"9001\"}", true, true)));
  }

  @Test
  void voidIdentifiesTheOriginalByIntentId() {
    stubs.stubVoid(WebEcrStubs.intent(79, 1, null, "V-1-A1"));

    provider.create(
        CreateIntentCommand.builder()
            .terminal(terminal)
            .kind(TransactionType.VOID)
            .amount(Money.euroCents(2480))
            .providerReference("V-1-A1")
            .original(OriginalTransaction.builder().intentId("77").build())
            .build());

    stubs.server.verify(
        postRequestedFor(urlEqualTo(WebEcrStubs.TXNVOID))
            .withRequestBody(
                equalToJson("{\"OriginalIdentifier\":\"77\",\"OriginalIdentifierType\":1}")));
  }

  @Test
  void completedIntentIsJoinedWithItsCardTransaction() {
    stubs.stubIntent(77, WebEcrStubs.intent(77, 3, 1, "INV-1-A1"));
    stubs.stubTransactions(WebEcrStubs.page(WebEcrStubs.transaction("INV-1-A1", true)));

    PaymentIntent paid =
        provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"));

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.providerReference()).isEqualTo("INV-1-A1");
    assertThat(paid.rrn()).contains("012345678901");
    assertThat(paid.authorisationCode()).contains("0A1B2C");
    assertThat(paid.stan()).contains("000123");
    assertThat(paid.maskedPan()).contains("411111******1111");
    assertThat(paid.cardScheme()).contains("VISA");
    assertThat(paid.transactionId()).contains("075121702285176315144");
    assertThat(paid.transactionRecordId()).contains("9001");
    assertThat(paid.amount()).isEqualTo(Money.euroCents(2480));
    assertThat(paid.createdAt()).contains(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(paid.providerRecord())
        .get()
        .asString()
        .contains("\"NewField\"")
        .contains("\"RRN\":\"012345678901\"");
  }

  @Test
  void unknownResultIsSettledByTheCardTransaction() {
    stubs.stubIntent(
        80, WebEcrStubs.intent(80, 3, 5, "INV-2-A1").replace("\"Transaction\":9001,", ""));
    stubs.stubTransactions(WebEcrStubs.page(WebEcrStubs.transaction("INV-2-A1", true)));

    PaymentIntent paid =
        provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("80"));

    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(paid.rrn()).contains("012345678901");
  }

  @Test
  void unknownResultWithoutATransactionStaysInDoubt() {
    stubs.stubIntent(81, WebEcrStubs.intent(81, 3, 5, "INV-3-A1"));
    stubs.stubTransactions(WebEcrStubs.page());

    PaymentIntent doubt =
        provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("81"));

    assertThat(doubt.result()).contains(IntentResult.UNKNOWN);
    assertThat(doubt.isSettled()).isFalse();
  }

  @Test
  void unknownCodesBecomeUnrecognizedAndKeepTheirRawValue() {
    stubs.stubIntent(82, WebEcrStubs.intent(82, 9, 42, "INV-4-A1"));

    PaymentIntent odd =
        provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("82"));

    assertThat(odd.status()).isEqualTo(IntentStatus.UNRECOGNIZED);
    assertThat(odd.statusCode()).isEqualTo(9);
    assertThat(odd.result()).contains(IntentResult.UNRECOGNIZED);
    assertThat(odd.resultCode()).contains(42);
  }

  @Test
  void findAttemptByReferenceMatchesTheExactReferenceOnThisTerminal() {
    stubs.stubFindByReference(
        "INV-5-A1",
        WebEcrStubs.page(
            WebEcrStubs.intent(90, 2, null, "INV-5-A10"),
            WebEcrStubs.intent(91, 2, null, "INV-5-A1")
                .replace("\"Terminal\":358046", "\"Terminal\":1"),
            WebEcrStubs.intent(92, 2, null, "INV-5-A1")));
    stubs.stubIntent(92, WebEcrStubs.intent(92, 2, null, "INV-5-A1"));

    assertThat(
            provider.findAttempt(
                terminal,
                dev.webecr.sdk.spi.AttemptLookup.ofReference(
                    "INV-5-A1", dev.webecr.sdk.TransactionType.SALE)))
        .get()
        .extracting(PaymentIntent::id)
        .isEqualTo("92");
  }

  @Test
  void findAttemptOfAnUnknownReferenceIsEmpty() {
    stubs.stubFindByReference("NONE-A1", WebEcrStubs.page());

    assertThat(
            provider.findAttempt(
                terminal,
                dev.webecr.sdk.spi.AttemptLookup.ofReference(
                    "NONE-A1", dev.webecr.sdk.TransactionType.SALE)))
        .isEmpty();
  }

  @Test
  void intentsOfAPeriodAreFilteredByTimeOnTheServer() {
    stubs.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo(BASE + "transactionintent/"))
            .withQueryParam("Timestamp_min", equalTo("2026-11-22T00:00:00Z"))
            .withQueryParam("Timestamp_max", equalTo("2026-11-23T00:00:00Z"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                    WebEcrStubs.page(
                        WebEcrStubs.intent(1, 3, 1, "A-A1"),
                        WebEcrStubs.intent(2, 3, 2, "B-A1")))));

    List<PaymentIntent> intents =
        provider.intents(
            terminal,
            Period.of(
                Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")));

    assertThat(intents)
        .extracting(PaymentIntent::providerReference)
        .containsExactly("A-A1", "B-A1");
    assertThat(intents.get(1).result()).contains(IntentResult.DECLINED);
    assertThat(intents.get(0).providerRecord()).get().asString().contains("\"Id\":1");
  }

  @Test
  void anUnreachableServerIsNamedWithItsHostAndPortAndNothingWasSent() throws Exception {
    int port;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    try (PosProvider nowhere =
        MellonProvider.create(
            MellonConfig.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .allowInsecureHttp(true)
                .username("u")
                .password("SECRET-pw")
                .build(),
            java.time.Clock.systemUTC())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> nowhere.redeem("12345678"))
          .isInstanceOfSatisfying(
              dev.webecr.sdk.ConnectionException.class,
              e -> assertThat(e.isOutcomeUnknown()).isFalse())
          .hasMessageContaining("http://127.0.0.1:" + port + "/api/token/")
          .hasMessageNotContaining("SECRET-pw");
    }
  }
}
