package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.testkit.InjectedFault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every double-charge and lost-outcome path, each proved by injecting exactly its fault into the
 * strict fake (no de-duplication, voids without reference, lag, missing routes).
 */
class NeverTwiceTest {
  private StrictFake f = new StrictFake();

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void theFakeMakesANewIntentForARepeatedReference() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    FakeTerminal device = f.fake().terminal(t.tid());
    f.fake().create(device, TransactionType.SALE, 0, 100, 978, "R-1", null, null, null);
    f.advance(Duration.ofSeconds(10));
    f.fake().create(device, TransactionType.SALE, 0, 100, 978, "R-1", null, null, null);
    f.advance(Duration.ofSeconds(10));

    assertThat(f.fake().intentsUnder("R-1")).isEqualTo(2);
    assertThat(f.fake().approvalsByReference()).containsEntry("R-1", 2);
  }

  @Test
  void anApprovedPaymentStaysApprovedWhenItsCardDataCannotBeRead() {
    f.close();
    f = new StrictFake(Journals.inMemory(), b -> b.serverWait(Duration.ofSeconds(60)));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.server.inject(Endpoint.TRANSACTIONS, InjectedFault.status(404, null));

    PaymentIntent paid = f.pay(t, 2480, "INV-CARD");

    assertThat(paid.isApproved()).isTrue();
    assertThat(f.signer.outcomes()).containsEntry("INV-CARD-A1", SignatureOutcome.USED);
    assertThat(f.fake().creates()).isEqualTo(1);
    assertThat(f.journal.latest("INV-CARD-A1").orElseThrow().phase())
        .isEqualTo(JournalPhase.SETTLED);
  }

  @Test
  void theCreateAnswerWaitsForTheTerminalOnTheFakesClock() {
    f.close();
    f = new StrictFake(Journals.inMemory(), b -> b.serverWait(Duration.ofSeconds(60)));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant start = f.clock.instant();

    PaymentIntent paid = f.pay(t, 2480, "INV-WAIT");

    assertThat(paid.isApproved()).isTrue();
    assertThat(Duration.between(start, f.clock.instant())).isEqualTo(Duration.ofSeconds(3));
    // one read: the lookup before the first attempt; no polling at all
    assertThat(f.server.requestCount(Endpoint.INTENT) + f.server.requestCount(Endpoint.INTENTS))
        .isEqualTo(1);
  }

  @Test
  void aLostVoidAnswerIsFoundByTheOriginalsTransactionId() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent sale = f.pay(t, 320, "INV-V1");
    f.server.inject(Endpoint.TXNVOID, InjectedFault.resetAfterProcessing());

    PaymentIntent voided = f.client.voidPayment(sale, "VOID-V1");

    assertThat(voided.isApproved()).isTrue();
    assertThat(voided.kind()).isEqualTo(TransactionType.VOID);
    assertThat(voided.providerReference()).isEqualTo("VOID-V1-A1");
    assertThat(f.server.requestCount(Endpoint.TXNVOID)).isEqualTo(1);
    assertThat(f.server.requests())
        .anyMatch(r -> r.startsWith("GET ") && r.contains("transactionintent/"));
  }

  @Test
  void aVoidThatCannotBeFoundStaysInDoubtNeverNotVoided() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent sale = f.pay(t, 330, "INV-V2");
    f.server.inject(Endpoint.TXNVOID, InjectedFault.resetBeforeProcessing());

    assertThatThrownBy(() -> f.client.voidPayment(sale, "VOID-V2"))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(f.journal.latest("VOID-V2-A1").orElseThrow().phase().isInFlight()).isTrue();
    assertThat(f.server.requestCount(Endpoint.TXNVOID)).isEqualTo(1);
  }

  @Test
  void aVoidFoundOnlyByTimeIsNeverConfusedWithAnEarlierVoidOnTheTerminal() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent first = f.pay(t, 410, "INV-V3");
    PaymentIntent firstVoid = f.client.voidPayment(first, "VOID-V3");
    PaymentIntent late = f.pay(t, 498, "INV-V4"); // approved by its card transaction only
    f.server.inject(Endpoint.TXNVOID, InjectedFault.resetBeforeProcessing());

    assertThatThrownBy(() -> f.client.voidPayment(late, "VOID-V4"))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(late.isApproved()).isTrue();
    assertThat(late.transactionId()).isEmpty();
    assertThat(f.journal.latest("VOID-V4-A1").orElseThrow().intentId())
        .isNotEqualTo(java.util.Optional.of(firstVoid.id()));
  }

  @Test
  void anAttemptCalledNotSentThatTurnsUpLaterIsAdoptedNotPaidAgain() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    // beyond the settle window: call timeout 60 s + the server-side wait 60 s + 30 s margin
    f.fake().behaviour().listingLag(Duration.ofSeconds(200));
    f.server.inject(Endpoint.TXNINIT, InjectedFault.resetAfterProcessing());
    assertThatThrownBy(() -> f.pay(t, 2480, "INV-LAG"))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse());
    f.advance(Duration.ofSeconds(200));

    PaymentIntent paid = f.pay(t, 2480, "INV-LAG");

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.providerReference()).isEqualTo("INV-LAG-A1");
    assertThat(f.fake().creates()).isEqualTo(1);
    assertThat(f.fake().approvalsByReference()).doesNotContainKey("INV-LAG-A2");
  }

  @Test
  void aReferenceReusedForAnotherDocumentIsRefusedNotAnsweredWithTheOldApproval() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.pay(t, 1500, "INV-DOC");
    f.signer.document("INV-DOC", "another-invoice-uid");

    assertThatThrownBy(() -> f.pay(t, 1500, "INV-DOC"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("reference"));
    assertThat(f.fake().creates()).isEqualTo(1);
    assertThat(f.signer.outcomes()).containsEntry("INV-DOC-A2", SignatureOutcome.CANCELLED);
  }

  @Test
  void payingAnApprovedReferenceAgainReturnsItAndCancelsTheUnusedSignature() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent first = f.pay(t, 1600, "INV-AGAIN");
    f.advance(Duration.ofSeconds(10)); // past the listing lag: no single-intent route to read it

    PaymentIntent again = f.pay(t, 1600, "INV-AGAIN");

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(f.fake().creates()).isEqualTo(1);
    assertThat(f.signer.outcomes())
        .containsEntry("INV-AGAIN-A1", SignatureOutcome.USED)
        .containsEntry("INV-AGAIN-A2", SignatureOutcome.CANCELLED);
  }

  @Test
  void aFailedReadOnAnApprovedReferenceIsNeverReportedAsNothingCharged() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.pay(t, 1700, "INV-READ");
    for (int i = 0; i < 10; i++) {
      f.server.inject(Endpoint.INTENT, InjectedFault.resetBeforeProcessing());
    }

    assertThatThrownBy(() -> f.pay(t, 1700, "INV-READ"))
        .isInstanceOf(PosException.class)
        .satisfies(
            e ->
                assertThat(
                        e instanceof ConnectionException
                            && !((ConnectionException) e).isOutcomeUnknown())
                    .isFalse());
    assertThat(f.fake().creates()).isEqualTo(1);
  }

  @Test
  void pollingSurvivesAMissingSingleIntentRoute() {
    f.close();
    f = new StrictFake(Journals.inMemory(), b -> b.serverWait(Duration.ZERO));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().singleIntentRoute(false);

    PaymentIntent paid = f.pay(t, 1800, "INV-ROUTE");

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.rrn()).isPresent();
    assertThat(f.server.requestCount(Endpoint.INTENT)).isEqualTo(1);
  }

  @Test
  void transactionAsAnObjectIsReadAndALinkedRefundWorks() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().transactionAsObject(true);
    PaymentIntent sale = f.pay(t, 2000, "INV-OBJ");

    PaymentIntent refund = f.client.refund(sale, Money.euroCents(500), "CN-OBJ");

    assertThat(sale.transactionRecordId()).isPresent();
    assertThat(sale.rrn()).isPresent();
    assertThat(refund.isApproved()).isTrue();
    assertThat(refund.kind()).isEqualTo(TransactionType.REFUND);
  }

  @Test
  void aReferenceFoundOnAnotherTerminalIsReportedNotDropped() {
    Terminal approving = f.terminal(TerminalProfile.APPROVE);
    Terminal other = f.terminal(TerminalProfile.DECLINE);
    f.pay(approving, 2100, "INV-ELSEWHERE");
    f.advance(Duration.ofSeconds(10)); // past the listing lag

    assertThat(
            f.mellon.findAttempt(
                other,
                dev.webecr.sdk.spi.AttemptLookup.ofReference(
                    "INV-ELSEWHERE-A1", dev.webecr.sdk.TransactionType.SALE)))
        .isPresent();
  }

  @Test
  void declinedAndVoidedTransactionsListedDoNotTurnADeclineIntoAnApproval() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().listDeclinedTransactions(true);

    PaymentIntent declined = f.pay(t, 999, "INV-DECL");

    assertThat(declined.result()).contains(IntentResult.DECLINED);
  }
}
