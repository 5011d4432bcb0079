package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentMethod;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every TxnType and every optional field of {@code txninit/}, as the contract names them. */
class MellonTransactionKindsTest {
  private final WebEcrStubs stubs = new WebEcrStubs();
  private final PosProvider provider = stubs.provider();
  private final Terminal terminal = stubs.terminal();

  @AfterEach
  void stop() {
    provider.close();
    stubs.close();
  }

  private CreateIntentCommand.Builder create(TransactionType kind) {
    CreateIntentCommand.Builder b = CreateIntentCommand.builder();
    b.terminal(terminal)
        .kind(kind)
        .amount(Money.euroCents(2480))
        .providerReference("DOC-1-A1")
        .signature(MellonProviderTest.signature(2480));
    return b;
  }

  @ParameterizedTest
  @CsvSource({
    "SALE, 0",
    "REFUND, 1",
    "PRE_AUTHORISATION, 2",
    "MAIL_ORDER, 4",
    "CASH_ADVANCE, 5",
    "CARD_PAYMENT, 6",
    "BILL_PAYMENT, 7",
    "OTHER_PAYMENT, 8",
    "PRE_PAYMENT, 9"
  })
  void eachKindGoesOutAsItsTxnTypeAndComesBackAsItself(TransactionType kind, int txnType) {
    stubs.stubCreate(
        WebEcrStubs.intent(77, 1, null, "DOC-1-A1")
            .replace("\"Id\":77", "\"Id\":77,\"TxnType\":" + txnType));

    assertThat(provider.create(create(kind).build()).kind()).isEqualTo(kind);

    stubs.server.verify(
        postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT))
            .withRequestBody(equalToJson("{\"TxnType\":" + txnType + "}", true, true)));
  }

  @Test
  void aCompletionNamesItsPreAuthorisationAsInitialTransaction() {
    stubs.stubCreate(WebEcrStubs.intent(79, 1, null, "DOC-1-A1"));
    OriginalTransaction preAuth =
        OriginalTransaction.builder().intentId("70").transactionRecordId("500070").build();

    provider.create(create(TransactionType.PRE_AUTH_COMPLETION).original(preAuth).build());

    stubs.server.verify(
        postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT))
            .withRequestBody(
                equalToJson("{\"TxnType\":3,\"InitialTransaction\":\"500070\"}", true, true)));
  }

  @Test
  void theOptionsGoOutUnderTheirContractNames() {
    stubs.stubCreate(WebEcrStubs.intent(77, 1, null, "DOC-1-A1"));

    provider.create(
        create(TransactionType.SALE)
            .paymentMethod(PaymentMethod.IRIS)
            .tip(Money.euroCents(200))
            .cashback(Money.euroCents(1000))
            .customerEmail("maria@example.gr")
            .customerPhone("+306900000000")
            .preloadExpiry(Duration.ofMinutes(90))
            .taxFree(true)
            .onBehalfCollection(true)
            .build());

    stubs.server.verify(
        postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT))
            .withRequestBody(
                equalToJson(
                    "{\"PaymentType\":1,\"TipAmount\":200,\"CashbackAmount\":1000,"
                        + "\"CustomerEmail\":\"maria@example.gr\",\"CustomerPhone\":\"+306900000000\","
                        + "\"PreloadTransaction\":true,\"PreloadExpiration\":90,"
                        + "\"IsTaxFree\":true,\"OnBehalfCollection\":true}",
                    true,
                    true)));
  }

  @Test
  void theCustomersChoiceLeavesPaymentTypeOutAndAnUnsignedSeriesLeavesProviderDataOut() {
    stubs.stubCreate(WebEcrStubs.intent(77, 1, null, "DOC-1-A1"));
    CreateIntentCommand unsigned =
        CreateIntentCommand.builder()
            .from(create(TransactionType.SALE).build())
            .signature(java.util.Optional.empty())
            .paymentMethod(PaymentMethod.CUSTOMER_CHOOSES)
            .build();

    provider.create(unsigned);

    stubs.server.verify(
        postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT))
            .withRequestBody(not(matchingJsonPath("$.PaymentType")))
            .withRequestBody(not(matchingJsonPath("$.ProviderData")))
            .withRequestBody(not(matchingJsonPath("$.TipAmount"))));
  }
}
