package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.UnsupportedCapabilityException;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import java.time.Duration;
import java.util.Currency;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests Mellon would refuse or should never see are refused before anything is sent, each error
 * naming the field; the fake counts that nothing reached it.
 */
class PaymentValidationTest {
  private final VirtualTill virtual = new VirtualTill("2026-11-26T09:00:00Z");
  private final TestClock clock = virtual.clock;
  private final FakeWebEcrServer server = virtual.server;
  private final PosClient client = virtual.client;
  private final Terminal till = virtual.terminal(FakeTerminals.APPROVING_TID);

  @AfterEach
  void stop() {
    virtual.close();
  }

  private PaymentRequest.Builder sale(String euros, String reference) {
    return PaymentRequest.builder()
        .terminal(till)
        .amount(Money.parse(euros, Money.EUR))
        .reference(reference);
  }

  private void refusedNaming(String field, ThrowingCallable pay) {
    long creates = server.fake().creates();
    assertThatThrownBy(pay)
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field));
    assertThat(server.fake().creates()).as("nothing sent").isEqualTo(creates);
  }

  @Test
  void aCurrencyMellonDoesNotTakeIsRefused() {
    refusedNaming(
        "amount",
        () ->
            client.pay(
                sale("1.00", "USD-1")
                    .amount(Money.parse("24.80", Currency.getInstance("USD")))
                    .build()));
  }

  @Test
  void anAmountNoTerminalTakesIsRefused() {
    refusedNaming("amount", () -> client.pay(sale("99999999999.99", "HUGE-1").build()));
  }

  @Test
  void aLinkedRefundAboveWhatIsLeftOfItsSaleIsRefused() {
    PaymentIntent paid = client.pay(sale("20.00", "INV-R1").build());
    assertThat(client.refund(paid, Money.parse("15.00", Money.EUR), "CN-R1").isApproved()).isTrue();

    refusedNaming("amount", () -> client.refund(paid, Money.parse("5.01", Money.EUR), "CN-R2"));
    assertThat(client.refund(paid, Money.parse("5.00", Money.EUR), "CN-R3").isApproved()).isTrue();
  }

  @Test
  void aRefundLinkedToAnOriginalNobodyHasSeenIsRefused() {
    OriginalTransaction stranger = OriginalTransaction.builder().intentId("424242").build();
    refusedNaming(
        "original",
        () ->
            client.pay(
                sale("3.00", "CN-X").kind(TransactionType.REFUND).original(stranger).build()));
  }

  @Test
  void aVoidOfAnIntentThatWasNeverApprovedIsRefused() {
    PaymentIntent declined = client.pay(sale("9.99", "INV-D1").build()); // 9.99 declines
    assertThat(declined.isApproved()).isFalse();

    refusedNaming("original", () -> client.voidPayment(declined, "VOID-D1"));
  }

  @Test
  void aCompletionAbovePreAuthorisationIsRefused() {
    PaymentIntent preAuth =
        client.pay(sale("50.00", "HOTEL-1").kind(TransactionType.PRE_AUTHORISATION).build());
    assertThat(preAuth.isApproved()).isTrue();

    refusedNaming(
        "amount",
        () ->
            client.pay(
                sale("50.01", "HOTEL-1-C")
                    .kind(TransactionType.PRE_AUTH_COMPLETION)
                    .original(OriginalTransaction.of(preAuth))
                    .build()));
  }

  @Test
  void optionsAreCheckedNamingTheirField() {
    refusedNaming("cashback", () -> sale("10.00", "CB-1").cashback(Money.euroCents(1000)).build());
    refusedNaming("customerEmail", () -> sale("10.00", "EM-1").customerEmail("nobody").build());
    refusedNaming("customerPhone", () -> sale("10.00", "PH-1").customerPhone("call me").build());
    refusedNaming(
        "preloadExpiry", () -> sale("10.00", "PL-1").preloadExpiry(Duration.ofSeconds(90)).build());
    refusedNaming(
        "tip",
        () -> sale("10.00", "TIP-1").tip(Money.parse("1.00", Currency.getInstance("USD"))).build());
  }

  @Test
  void aProviderThatCannotDoAnOptionSaysSoBeforeSending() {
    try (PosClient rrpayLike =
        PosClient.builder()
            .provider(new InMemoryPosProvider(new FakeWebEcr(clock)))
            .journal(Journals.inMemory())
            .signer(new TestSigner(clock))
            .clock(clock)
            .scheduler(new VirtualTimeScheduler(clock))
            .executor(Runnable::run)
            .build()) {
      Terminal t = rrpayLike.terminals(rrpayLike.pair(FakeTerminals.REDEEM_CODE)).get(0);
      assertThatThrownBy(
              () ->
                  rrpayLike.pay(
                      PaymentRequest.builder()
                          .terminal(t)
                          .amount(Money.euroCents(100))
                          .reference("IRIS-1")
                          .paymentMethod(dev.webecr.sdk.PaymentMethod.IRIS)
                          .build()))
          .isInstanceOf(UnsupportedCapabilityException.class)
          .hasMessageContaining("IRIS");
    }
  }
}
