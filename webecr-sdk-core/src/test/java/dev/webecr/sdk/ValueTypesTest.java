package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {
  private static final Terminal T = ScriptedProvider.terminal("12345678");

  private static void rejects(String field, Supplier<?> build) {
    assertThatThrownBy(build::get)
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith(field + ": ");
  }

  @Test
  void moneyParsesMajorUnitsExactly() {
    assertThat(Money.parse("24.80", Money.EUR)).isEqualTo(Money.euroCents(2480));
    assertThat(Money.parse("7", Money.EUR).minorUnits()).isEqualTo(700);
    assertThat(Money.euroCents(2480).toDecimal()).isEqualByComparingTo(new BigDecimal("24.80"));
    assertThat(Money.euroCents(5).toString()).isEqualTo("0.05 EUR");
    assertThat(Money.parse("500", Currency.getInstance("JPY")).minorUnits()).isEqualTo(500);
  }

  @Test
  void moneyRejectsBadAmounts() {
    rejects("amount", () -> Money.euroCents(-1));
    rejects("amount", () -> Money.parse("24.805", Money.EUR));
    rejects("amount", () -> Money.parse("1.5", Currency.getInstance("JPY")));
    rejects("amount", () -> Money.parse("twelve", Money.EUR));
    rejects("amount", () -> Money.parse("99999999999999999999", Money.EUR));
    rejects("currency", () -> Money.of(1, Currency.getInstance("XXX")));
    rejects("currency", () -> Money.euroCents(1).plus(Money.of(1, Currency.getInstance("USD"))));
  }

  @Test
  void terminalRejectsBlankIds() {
    rejects("terminal.tid", () -> Terminal.builder().providerId("p").tid(" ").callId("1").build());
    rejects(
        "terminal.callId", () -> Terminal.builder().providerId("p").tid("1").callId("").build());
    rejects("terminal.apiKey", () -> T.withoutApiKey().requireApiKey());
    assertThatThrownBy(() -> Terminal.builder().providerId("p").tid("1").build())
        .isInstanceOfSatisfying(
            RequiredFieldException.class, e -> assertThat(e.field()).isEqualTo("callId"));
  }

  @Test
  void paymentRequestRejectsEachBadField() {
    rejects("amount", () -> ClientFixture.sale(T, "R", 0));
    rejects("reference", () -> ClientFixture.sale(T, " ", 100));
    rejects("reference", () -> ClientFixture.sale(T, "R\n1", 100));
    rejects("reference", () -> ClientFixture.sale(T, "R".repeat(65), 100));
    rejects(
        "original",
        () ->
            PaymentRequest.builder()
                .terminal(T)
                .amount(Money.euroCents(1))
                .reference("V")
                .kind(TransactionType.VOID)
                .build());
    rejects(
        "installments",
        () ->
            PaymentRequest.builder().from(ClientFixture.sale(T, "R", 100)).installments(0).build());
    rejects("original", () -> OriginalTransaction.builder().rrn("1").build());
    BasketLine line =
        BasketLine.builder()
            .code("A")
            .name("Bread")
            .quantity(BigDecimal.ONE)
            .unitPrice(Money.euroCents(150))
            .vatRate(BigDecimal.valueOf(9))
            .lineTotal(Money.euroCents(150))
            .build();
    rejects(
        "lines",
        () ->
            PaymentRequest.builder().from(ClientFixture.sale(T, "R", 100)).addLines(line).build());
    rejects(
        "lines.quantity", () -> BasketLine.builder().from(line).quantity(BigDecimal.ZERO).build());
  }

  @Test
  void signatureInputIsParsedIntoItsFields() {
    ProviderSignature s =
        ProviderSignature.of(
            "B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;24800;20000;4800;24800;12345678",
            "MEUCIQ==",
            "8");

    assertThat(s.uidHash()).isEqualTo(Signatures.UID_HASH);
    assertThat(s.mark()).isEmpty();
    assertThat(s.timestamp()).isEqualTo("2026-02-02T14:00:21");
    assertThat(s.payableCents()).isEqualTo(24800);
    assertThat(s.netCents() + s.vatCents()).isEqualTo(s.totalCents());
    assertThat(s.tid()).isEqualTo("12345678");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "signature.input|A;B;C",
        "signature.input.uidHash|b6a70f9f1cce52e6c6f7e5c40951f240de0000cc;;20260202140021;1;1;0;1;1",
        "signature.input.mark|B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;X1;20260202140021;1;1;0;1;1",
        "signature.input.timestamp|B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20261302140021;1;1;0;1;1",
        "signature.input.payable|B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;-1;1;0;1;1",
        "signature.input.total|B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;1;1;1;1;1",
        "signature.input.tid|B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;1;1;0;1;",
      })
  void signatureRejectsEachMalformedField(String field, String input) {
    rejects(field, () -> ProviderSignature.of(input, "MEUCIQ==", "8"));
  }

  @Test
  void signatureNeedsASignatureAndAProvider() {
    String input = Signatures.input(100, "1");
    rejects("signature.signature", () -> ProviderSignature.of(input, " ", "8"));
    rejects("signature.providerId", () -> ProviderSignature.of(input, "sig", ""));
  }

  @Test
  void periodMustMoveForward() {
    Instant now = Instant.parse("2026-11-22T00:00:00Z");
    rejects("period.to", () -> Period.of(now, now));
    assertThat(Period.of(now, now.plusSeconds(1)).contains(now)).isTrue();
    assertThat(Period.of(now, now.plusSeconds(1)).contains(now.plusSeconds(1))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void statusCodesRoundTrip(int code) {
    assertThat(IntentStatus.fromCode(code).code()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void resultCodesRoundTrip(int code) {
    assertThat(IntentResult.fromCode(code).code()).isEqualTo(code);
  }

  @Test
  void unknownCodesBecomeUnrecognizedAndKeepTheirRawCode() {
    assertThat(IntentStatus.fromCode(9)).isEqualTo(IntentStatus.UNRECOGNIZED);
    assertThat(IntentResult.fromCode(-1)).isEqualTo(IntentResult.UNRECOGNIZED);
    assertThat(IntentResult.fromCode(42)).isEqualTo(IntentResult.UNRECOGNIZED);
    PaymentIntent odd =
        PaymentIntent.builder()
            .id("1")
            .providerReference("R-A1")
            .terminal(T)
            .kind(TransactionType.SALE)
            .amount(Money.euroCents(1))
            .statusCode(3)
            .resultCode(42)
            .build();
    assertThat(odd.resultCode()).contains(42);
    assertThat(odd.result()).contains(IntentResult.UNRECOGNIZED);
    assertThat(odd.isSettled()).isFalse();
    assertThat(odd.nextStep()).isEqualTo(NextStep.RECOVER);
  }

  @Test
  void resultsSayWhatToDoNext() {
    assertThat(IntentResult.APPROVED.nextStep()).isEqualTo(NextStep.NONE);
    assertThat(IntentResult.DECLINED.nextStep()).isEqualTo(NextStep.NONE);
    assertThat(IntentResult.BUSY.nextStep()).isEqualTo(NextStep.RETRY_LATER);
    assertThat(IntentResult.MAX_TRANSACTIONS.nextStep()).isEqualTo(NextStep.CLOSE_BATCH_THEN_RETRY);
    assertThat(IntentResult.UNKNOWN.nextStep()).isEqualTo(NextStep.RECOVER);
  }

  @Test
  void secretsNeverAppearInToString() {
    ApiKey key = ApiKey.of("sk_live_SECRET");
    Terminal t = T.withApiKey(key);
    ProviderSignature sig = ProviderSignature.of(Signatures.input(100, "1"), "MEUCIQSECRET", "8");
    PaymentIntent intent =
        PaymentIntent.builder()
            .id("1")
            .providerReference("R-A1")
            .terminal(t)
            .kind(TransactionType.SALE)
            .amount(Money.euroCents(1))
            .statusCode(2)
            .signature(sig)
            .providerRecord("{\"CardPAN\":\"4111SECRET\"}")
            .build();

    for (Object o : new Object[] {key, t, sig, intent}) {
      assertThat(o.toString()).doesNotContain("SECRET");
    }
    assertThat(key.reveal()).isEqualTo("sk_live_SECRET");
    assertThat(t).isEqualTo(T.withoutApiKey());
  }

  @Test
  void aMissingOrNullFieldIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                PaymentRequest.builder()
                    .terminal(
                        Terminal.builder().providerId("mellon").tid("10000001").callId("1").build())
                    .amount(Money.euroCents(100))
                    .build())
        .isInstanceOfSatisfying(
            RequiredFieldException.class, e -> assertThat(e.field()).isEqualTo("reference"))
        .hasMessageNotContaining("Cannot build");
    assertThatThrownBy(() -> PaymentRequest.builder().reference(null))
        .isInstanceOfSatisfying(
            RequiredFieldException.class, e -> assertThat(e.field()).isEqualTo("reference"));
    assertThatThrownBy(() -> Terminal.builder().build())
        .isInstanceOf(RequiredFieldException.class)
        .hasMessageContaining("missing:");
  }
}
