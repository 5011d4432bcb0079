package dev.webecr.sdk.testkit.rrpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.rrpay.RrPayResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fiscal returns: they name the original receipt (number, register, date and time), may be partial
 * with the lines returned, never exceed what is left of the sale, and come back with the
 * money-return act (and, when partial, the receipt reissued for what is kept).
 */
class RrPayReturnTest {
  @TempDir Path root;
  private RrPayTill till;

  @AfterEach
  void stop() {
    till.close();
  }

  private PaymentRequest returnOf(PaymentIntent sale, String reference, long cents) {
    return PaymentRequest.builder()
        .from(RrPayEndToEndTest.sale(sale.terminal(), reference, cents))
        .kind(TransactionType.REFUND)
        .original(OriginalTransaction.of(sale))
        .build();
  }

  @Test
  void aPartialReturnNamesTheReceiptAndGetsTheActAndAReissuedReceipt() throws Exception {
    till = new RrPayTill(root).withRrPay().open(Duration.ofSeconds(5), Duration.ofSeconds(10));
    PaymentIntent sale = till.pay("K-RT-1", 1000);
    RrPayResult printed = till.provider.result(sale.id()).orElseThrow();

    PaymentIntent back = till.client.pay(returnOf(sale, "K-RT-1-R1", 400));

    assertThat(back.isApproved()).isTrue();
    RrPayResult r = till.provider.result(back.id()).orElseThrow();
    assertThat(r.returnAct()).isPresent();
    assertThat(r.reissuedReceipt()).isPresent();
    assertThat(r.receiptNumber()).isPresent().isNotEqualTo(printed.receiptNumber());
    String request = Files.readString(root.resolve("sent").resolve(back.id() + ".return.json"));
    assertThat(request)
        .contains(printed.receiptNumber().get())
        .contains(printed.registerId().get())
        .contains("\"dateTime\"");
  }

  @Test
  void aReturnAboveWhatIsLeftOfTheSaleIsRefusedBeforeAnythingIsSent() {
    till = new RrPayTill(root).withRrPay().open(Duration.ofSeconds(5), Duration.ofSeconds(10));
    PaymentIntent sale = till.pay("K-RT-2", 1000);
    till.client.pay(returnOf(sale, "K-RT-2-R1", 400));
    int receipts = till.fake.receipts();

    assertThatThrownBy(() -> till.client.pay(returnOf(sale, "K-RT-2-R2", 700)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("amount"))
        .hasMessageContaining(
            "6.00 EUR after earlier voids and refunds"); // the client's check, first
    assertThat(till.fake.receipts()).isEqualTo(receipts);
    assertThatThrownBy(
            () ->
                till.client.pay(
                    PaymentRequest.builder()
                        .from(returnOf(sale, "K-RT-2-R3", 100))
                        .lines(java.util.List.of())
                        .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("lines"));
    assertThat(till.client.pay(returnOf(sale, "K-RT-2-R4", 600)).isApproved()).isTrue();
  }
}
