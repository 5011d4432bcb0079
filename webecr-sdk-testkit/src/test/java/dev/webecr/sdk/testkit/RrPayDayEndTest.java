package dev.webecr.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.rrpay.CreditMapping;
import dev.webecr.sdk.rrpay.RrPayConfig;
import dev.webecr.sdk.rrpay.RrPayDayTotals;
import dev.webecr.sdk.rrpay.RrPayProvider;
import dev.webecr.sdk.rrpay.RrPayTender;
import dev.webecr.sdk.spi.IntentJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A day at an RRPay till closes with the ERP's totals equal to the fiscal device's Z report. */
class RrPayDayEndTest {
  @TempDir Path root;
  private FakeRrPay rrpayFake;
  private RrPayProvider provider;
  private PosClient client;

  @AfterEach
  void stop() {
    client.close();
    provider.close();
    rrpayFake.close();
  }

  @Test
  void salesReturnsAManualResolutionAndCashRoundingMatchTheZReport() {
    rrpayFake = FakeRrPay.start(root);
    provider = RrPayProvider.open(RrPayConfig.builder().exchangeRoot(root).posIds(List.of("POS1"))
        .creditMapping(CreditMapping.builder().mapCash(1, "CASH", "Grynieji")
            .map(2, "CARD", "Banko kortelė").build())
        .ackTimeout(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).build());
    client = PosClient.builder().provider(provider).journal(IntentJournal.inMemory())
        .pollSchedule(PollSchedule.of(Duration.ofMillis(10), 1.0, Duration.ofMillis(10)))
        .paymentDeadline(Duration.ofSeconds(2)).build();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Vilnius"));

    PaymentIntent card = pay("K-Z-1", 1000);
    rrpayFake.nextOutcome(FakeRrPay.Outcome.CASH);
    pay("K-Z-2", 248); // paid 2.50 in cash: rounding -0.02
    PaymentIntent returned = client.refund(card, Money.euroCents(1000), "K-Z-1-RET");
    rrpayFake.nextOutcome(FakeRrPay.Outcome.PRINTED_NO_ANSWER);
    assertThatThrownBy(() -> pay("K-Z-3", 700)).isInstanceOf(OutcomeUnknownException.class);
    provider.resolveManually("K-Z-3-A1", List.of(RrPayTender.of(2, Money.euroCents(700))));

    RrPayDayTotals erp = provider.dayTotals(today);
    FakeRrPay.ZReport z = rrpayFake.zReport(today);

    assertThat(returned.isApproved()).isTrue();
    assertThat(erp.netCents()).isEqualTo(z.netCents).containsEntry(2, 700L).containsEntry(1, 250L);
    assertThat(erp.roundingCents()).isEqualTo(z.roundingCents).isEqualTo(-2);
    assertThat(erp.sales()).isEqualTo(3);
    assertThat(erp.returns()).isEqualTo(1);
    assertThat(erp.manual()).isEqualTo(1);
  }

  private PaymentIntent pay(String reference, long cents) {
    return client.pay(RrPayEndToEndTest.sale(provider.terminal("POS1"), reference, cents));
  }
}
