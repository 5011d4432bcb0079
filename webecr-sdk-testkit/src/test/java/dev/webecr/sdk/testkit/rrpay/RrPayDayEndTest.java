package dev.webecr.sdk.testkit.rrpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.Buyer;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.rrpay.CreditMapping;
import dev.webecr.sdk.rrpay.RrPayDayTotals;
import dev.webecr.sdk.rrpay.RrPayProvider;
import dev.webecr.sdk.rrpay.RrPayResult;
import dev.webecr.sdk.rrpay.RrPayTender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day at an RRPay till: each sale carries its cashier (and the buyer of an invoice), and the day
 * closes with the ERP's totals equal to the fiscal device's Z report.
 */
class RrPayDayEndTest {
  @TempDir Path root;
  private RrPayTill till;

  @AfterEach
  void stop() {
    till.close();
  }

  @Test
  void salesReturnsAManualResolutionAndCashRoundingMatchTheZReport() {
    till = new RrPayTill(root).withRrPay().open(Duration.ofSeconds(5), Duration.ofSeconds(2));
    FakeRrPay rrpayFake = till.fake;
    RrPayProvider provider = till.provider;
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Vilnius"));

    PaymentIntent card = pay("K-Z-1", 1000);
    rrpayFake.nextOutcome(FakeRrPayOutcome.CASH);
    pay("K-Z-2", 248); // paid 2.50 in cash: rounding -0.02
    PaymentIntent returned = till.client.refund(card, Money.euroCents(1000), "K-Z-1-RET");
    rrpayFake.nextOutcome(FakeRrPayOutcome.PRINTED_NO_ANSWER);
    assertThatThrownBy(() -> pay("K-Z-3", 700)).isInstanceOf(OutcomeUnknownException.class);
    provider.resolveManually("K-Z-3-A1", List.of(RrPayTender.of(2, Money.euroCents(700))));

    RrPayDayTotals erp = provider.dayTotals(today);
    FakeZReport z = rrpayFake.zReport(today);

    assertThat(returned.isApproved()).isTrue();
    assertThat(erp.netCents()).isEqualTo(z.netCents).containsEntry(2, 700L).containsEntry(1, 250L);
    assertThat(erp.roundingCents()).isEqualTo(z.roundingCents).isEqualTo(-2);
    assertThat(erp.sales()).isEqualTo(3);
    assertThat(erp.returns()).isEqualTo(1);
    assertThat(erp.manual()).isEqualTo(1);
  }

  @Test
  void aSaleCarriesItsCashierAndTheBuyerOfAnInvoiceToRrPay() throws Exception {
    till = new RrPayTill(root).withRrPay().open(Duration.ofSeconds(5), Duration.ofSeconds(2));
    PaymentIntent sale =
        till.client.pay(
            PaymentRequest.builder()
                .from(RrPayEndToEndTest.sale(till.provider.terminal("POS1"), "K-INV-1", 12100))
                .buyer(
                    Buyer.builder()
                        .name("UAB Pavyzdys")
                        .code("300000000")
                        .vatCode("LT100000000017")
                        .build())
                .build());

    String request = Files.readString(root.resolve("sent/K-INV-1-A1.sale.json"));
    assertThat(sale.isApproved()).isTrue();
    assertThat(request)
        .contains("\"cashier\":\"Rasa K.\"")
        .contains("\"name\":\"UAB Pavyzdys\"")
        .contains("\"vatCode\":\"LT100000000017\"");
    assertThatThrownBy(
            () ->
                till.client.pay(
                    PaymentRequest.builder()
                        .from(
                            RrPayEndToEndTest.sale(till.provider.terminal("POS1"), "K-INV-2", 100))
                        .cashier(Optional.empty())
                        .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("cashier"));
  }

  @Test
  void roundingCarriedAsAPaymentCodeIsReadAsTheRoundingLine() {
    till =
        new RrPayTill(root)
            .withRrPay()
            .open(
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                CreditMapping.builder()
                    .mapCash(1, "CASH", "Grynieji")
                    .map(2, "CARD", "Kortelė")
                    .roundingAsCredit(9)
                    .build());
    till.fake.roundingAsCredit(9).nextOutcome(FakeRrPayOutcome.CASH);

    PaymentIntent cash = till.pay("K-RC-1", 248);

    RrPayResult r = till.provider.result(cash.id()).orElseThrow();
    assertThat(r.tenders()).extracting(RrPayTender::creditNumber).containsExactly(1);
    assertThat(r.roundingCents()).isEqualTo(-2);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Vilnius"));
    assertThat(till.provider.dayTotals(today).netCents())
        .isEqualTo(till.fake.zReport(today).netCents);
    assertThat(till.provider.dayTotals(today).roundingCents()).isEqualTo(-2);
  }

  private PaymentIntent pay(String reference, long cents) {
    return till.pay(reference, cents);
  }
}
