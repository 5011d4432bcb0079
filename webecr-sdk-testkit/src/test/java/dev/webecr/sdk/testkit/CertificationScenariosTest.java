package dev.webecr.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Mellon's 19 certification scenarios (list v2.4.2, docs/contracts/mellon-webecr.md), in order,
 * through {@link PosClient} and the Mellon provider against the fake, on virtual time. Each test is
 * one scenario, named by its number; later ones use what earlier ones paid, as on the simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificationScenariosTest {
  private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
  private final VirtualTill till0 = new VirtualTill("2026-11-26T07:00:00Z");
  private final TestClock clock = till0.clock;
  private final FakeWebEcrServer server = till0.server;
  private final PosClient client = till0.client;
  private List<Terminal> terminals;
  private Terminal till;
  private PaymentIntent sale1;
  private PaymentIntent sale2;
  private PaymentIntent preAuth;

  CertificationScenariosTest() {
    server.fake().behaviour().preloadOpenedAfter(Duration.ofMinutes(10));
  }

  @AfterAll
  void stop() {
    till0.close();
  }

  private PaymentRequest.Builder payment(Terminal t, String euros, String reference) {
    return PaymentRequest.builder()
        .terminal(t)
        .amount(Money.parse(euros, Money.EUR))
        .reference(reference);
  }

  private Terminal terminal(String tid) {
    return terminals.stream().filter(t -> t.tid().equals(tid)).findFirst().orElseThrow();
  }

  /** What the fake received for this attempt. */
  private FakeIntent atFake(String providerReference) {
    return server.fake().intents().stream()
        .filter(i -> providerReference.equals(i.reference))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  @Test
  @Order(1)
  void scenario01_pairingTheErpWithTheTerminalAndTheListOfTerminals() {
    ApiKey key = client.pair(FakeTerminals.REDEEM_CODE);
    terminals = client.terminals(key);
    till = terminal(FakeTerminals.APPROVING_TID);

    assertThat(terminals).hasSize(FakeTerminals.seeded().size());
    assertThat(till.callId()).isNotEqualTo(till.tid()); // the URL id and the TID kept apart
  }

  @Test
  @Order(2)
  void scenario02_saleOf1EurApproved() {
    sale1 = client.pay(payment(till, "1.00", "CERT-02").build());

    assertThat(sale1.result()).contains(IntentResult.APPROVED);
    assertThat(atFake("CERT-02-A1").txnType).isZero();
  }

  @Test
  @Order(3)
  void scenario03_saleOf2EurApproved() {
    sale2 = client.pay(payment(till, "2.00", "CERT-03").build());

    assertThat(sale2.result()).contains(IntentResult.APPROVED);
    assertThat(sale2.transactionId()).isPresent();
  }

  @Test
  @Order(4)
  void scenario04_voidOfThe1EurSaleFromTheErp() {
    PaymentIntent voided = client.voidPayment(sale1, "CERT-04");

    assertThat(voided.result()).contains(IntentResult.APPROVED);
    assertThat(server.fake().intent(sale1.id()).orElseThrow().voidedAt(clock.instant())).isTrue();
  }

  @Test
  @Order(5)
  void scenario05_linkedRefundOf2Eur() {
    PaymentIntent refund = client.refund(sale2, Money.parse("2.00", Money.EUR), "CERT-05");

    assertThat(refund.result()).contains(IntentResult.APPROVED);
    FakeIntent sent = atFake("CERT-05-A1");
    assertThat(sent.txnType).isEqualTo(1);
    assertThat(sent.originalId).isEqualTo(sale2.transactionRecordId().orElseThrow());
  }

  @Test
  @Order(6)
  void scenario06_refundOfAnyAmountWithoutLink() {
    PaymentIntent refund =
        client.pay(payment(till, "3.70", "CERT-06").kind(TransactionType.REFUND).build());

    assertThat(refund.result()).contains(IntentResult.APPROVED);
    assertThat(atFake("CERT-06-A1").originalId).isNull();
  }

  @Test
  @Order(7)
  void scenario07_instalments() {
    PaymentIntent paid = client.pay(payment(till, "120.00", "CERT-07").installments(3).build());

    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(atFake("CERT-07-A1").installments).isEqualTo(3);
  }

  @Test
  @Order(8)
  void scenario08_deferredPaymentOf2EurPreloadedOnThePos() {
    PaymentIntent paid =
        client.pay(payment(till, "2.00", "CERT-08").preloadExpiry(Duration.ofMinutes(60)).build());

    FakeIntent preloaded = atFake("CERT-08-A1");
    assertThat(preloaded.preloadExpiresAt).isEqualTo(preloaded.createdAt.plusSeconds(3600));
    // it waited on the POS: opened by the operator 10 minutes after it arrived
    assertThat(preloaded.openedAt).isEqualTo(preloaded.createdAt.plus(Duration.ofMinutes(10)));
    assertThat(paid.status()).isEqualTo(IntentStatus.COMPLETED);
  }

  @Test
  @Order(9)
  void scenario09_thePreloadedPaymentIsPaidLaterByCard() {
    PaymentIntent paid =
        client.refresh(
            client.intents(till, today()).stream()
                .filter(i -> i.providerReference().equals("CERT-08-A1"))
                .findFirst()
                .orElseThrow());

    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(paid.maskedPan()).isPresent();
    assertThat(server.fake().approvalsByReference()).containsEntry("CERT-08-A1", 1);
  }

  @Test
  @Order(10)
  void scenario10_mailOrderOf3Eur() {
    PaymentIntent paid =
        client.pay(payment(till, "3.00", "CERT-10").kind(TransactionType.MAIL_ORDER).build());

    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(paid.kind()).isEqualTo(TransactionType.MAIL_ORDER);
    assertThat(atFake("CERT-10-A1").txnType).isEqualTo(4);
  }

  @Test
  @Order(11)
  void scenario11_preAuthorisationStartedOnThePosIsFoundByTheErp() {
    server.control().preAuthoriseOnPos(till.tid(), 5000);
    clock.advance(Duration.ofMinutes(1)); // listed after the fake's listing lag

    preAuth =
        client.intents(till, today()).stream()
            .filter(i -> i.kind() == TransactionType.PRE_AUTHORISATION)
            .findFirst()
            .orElseThrow();

    assertThat(preAuth.isApproved()).isTrue();
    assertThat(preAuth.amount()).isEqualTo(Money.parse("50.00", Money.EUR));
  }

  @Test
  @Order(12)
  void scenario12_completionOfThePreAuthorisationFromTheErp() {
    PaymentIntent completed =
        client.pay(
            payment(till, "42.30", "CERT-12")
                .kind(TransactionType.PRE_AUTH_COMPLETION)
                .original(OriginalTransaction.of(preAuth))
                .build());

    assertThat(completed.result()).contains(IntentResult.APPROVED);
    FakeIntent sent = atFake("CERT-12-A1");
    assertThat(sent.txnType).isEqualTo(3);
    assertThat(sent.originalId).isEqualTo(preAuth.transactionRecordId().orElseThrow());
  }

  @Test
  @Order(13)
  void scenario13_saleOf2EurStoppedByTheOperatorWithTheRedKey() {
    PaymentIntent stopped = client.pay(payment(terminal("10000003"), "2.00", "CERT-13").build());

    assertThat(stopped.result()).contains(IntentResult.CANCELLED);
    assertThat(stopped.resultCode()).contains(3);
  }

  @Test
  @Order(14)
  void scenario14_saleOf9_99EurDeclinedByTheHost() {
    PaymentIntent declined = client.pay(payment(till, "9.99", "CERT-14").build());

    assertThat(declined.result()).contains(IntentResult.DECLINED);
    assertThat(declined.resultCode()).contains(2);
  }

  @Test
  @Order(15)
  void scenario15_saleOf22_22EurApprovedAfter150sWithoutTimingOut() {
    Instant asked = clock.instant();

    PaymentIntent paid = client.pay(payment(till, "22.22", "CERT-15").build());

    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(Duration.between(asked, clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(150));
  }

  @Test
  @Order(16)
  void scenario16_saleOf13_13EurWhoseLinkIsLostDuringApprovalIsRecoveredByPolling() {
    PaymentIntent paid = client.pay(payment(till, "13.13", "CERT-16").build());

    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(server.fake().approvalsByReference()).containsEntry("CERT-16-A1", 1);
    assertThat(server.fake().intentsUnder("CERT-16-A1")).isEqualTo(1); // never sent twice
  }

  @Test
  @Order(17)
  void scenario17_settlementListsPreloadedRefundsAndPreAuthorisations() {
    clock.advance(Duration.ofMinutes(1)); // the day is listed once its last intents are
    List<PaymentIntent> day = client.intents(till, today());

    assertThat(day.stream().map(PaymentIntent::kind).collect(Collectors.toSet()))
        .contains(
            TransactionType.SALE,
            TransactionType.REFUND,
            TransactionType.PRE_AUTHORISATION,
            TransactionType.PRE_AUTH_COMPLETION,
            TransactionType.MAIL_ORDER);
    assertThat(day).extracting(PaymentIntent::providerReference).contains("CERT-08-A1");
  }

  @Test
  @Order(18)
  void scenario18_batchCloseOnThePosTheErpGetsResult7UntilItIsDone() {
    Terminal batched = terminal("10000006"); // its batch holds 3
    for (int i = 1; i <= FakeTerminals.BATCH_LIMIT; i++) {
      assertThat(client.pay(payment(batched, "1.00", "CERT-18-" + i).build()).isApproved())
          .isTrue();
    }
    PaymentIntent full = client.pay(payment(batched, "1.00", "CERT-18-4").build());
    PaymentIntent stillFull = client.pay(payment(batched, "1.00", "CERT-18-4").build());
    assertThat(full.resultCode()).contains(7);
    assertThat(stillFull.resultCode()).contains(7);

    server.control().closeBatch(batched.tid());

    assertThat(client.pay(payment(batched, "1.00", "CERT-18-4").build()).isApproved()).isTrue();
  }

  @Test
  @Order(19)
  void scenario19_theDaysDifferencesBetweenErpAndPosAreEmpty() {
    clock.advance(Duration.ofMinutes(1)); // reconciled once the last intents are listed
    assertThat(client.reconcile(today()).discrepancies()).isEmpty();
  }

  private Period today() {
    return Period.day(LocalDate.ofInstant(clock.instant(), ATHENS), ATHENS);
  }
}
