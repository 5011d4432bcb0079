package dev.webecr.sdk.testkit.viva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.viva.VivaEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Viva provider end to end (PosClient, provider, {@link FakeVivaServer} with its worst-case
 * defaults), on virtual time: the outcomes, never twice after a lost answer, the token, the AADE
 * fields, refunds, pre-authorisations and the day listing (viva-cloud-terminal §18).
 */
class VivaProviderTest {
  private VivaTill till;

  @AfterEach
  void stop() {
    if (till != null) {
      till.close();
    }
  }

  @Test
  void anApprovedSaleCarriesTheAadeTransactionIdForMyData() {
    till = new VivaTill();

    PaymentIntent paid = till.pay(FakeVivaTerminal.APPROVE, 1240, "INV-1");

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.id()).isEqualTo("INV-1-A1");
    assertThat(paid.transactionId()).get().asString().hasSize(21).containsOnlyDigits();
    assertThat(paid.rrn()).isPresent();
    assertThat(paid.authorisationCode()).isPresent();
    assertThat(paid.completedAt()).isPresent();
    assertThat(till.signer.outcomes()).containsEntry("INV-1-A1", SignatureOutcome.USED);
    assertThat(till.fake.posts("INV-1-A1")).isEqualTo(1);
    // the lookup before the first attempt and the first poll read the same session: a second
    // apart, as Viva's per-session limit wants (§15)
    assertThat(till.fake.rateLimits().sessionRefusals()).isZero();
  }

  @Test
  void declinesCancelsAndUnpaidExpiryAreOutcomesThatChargedNothing() {
    till = new VivaTill();

    assertThat(till.pay(FakeVivaTerminal.DECLINE, 1000, "D-1").result())
        .contains(IntentResult.DECLINED);
    assertThat(till.pay(FakeVivaTerminal.CANCEL, 1000, "C-1").result())
        .contains(IntentResult.CANCELLED);
    Instant start = till.clock.instant();
    assertThat(till.pay(FakeVivaTerminal.NOBODY_PAYS, 1000, "E-1").result())
        .contains(IntentResult.CANCELLED);
    assertThat(Duration.between(start, till.clock.instant())).isGreaterThan(Duration.ofSeconds(59));
    assertThat(till.signer.outcomes())
        .containsEntry("D-1-A1", SignatureOutcome.CANCELLED)
        .containsEntry("E-1-A1", SignatureOutcome.CANCELLED);
  }

  @Test
  void aFailureVivaDoesNotPlaceIsInDoubtNotNothingCharged() {
    till = new VivaTill();

    assertThatThrownBy(() -> till.pay(FakeVivaTerminal.APPROVE, 1099, "U-1"))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e ->
                assertThat(e.lastKnown())
                    .get()
                    .satisfies(i -> assertThat(i.result()).contains(IntentResult.UNKNOWN)));
    assertThat(till.signer.outcomes()).doesNotContainKey("U-1-A1"); // neither used nor cancelled
  }

  @Test
  void aCreateWhoseAnswerIsLostIsNeverSentAgainAndSettlesByReadingItsSession() {
    till = new VivaTill();
    till.fake.nextCreate(FakeVivaServer.CreateAnswer.RESET_AFTER_STORE);

    PaymentIntent paid = till.pay(FakeVivaTerminal.APPROVE, 2480, "LOST-1");

    assertThat(paid.isApproved()).isTrue();
    assertThat(till.fake.posts("LOST-1-A1")).isEqualTo(1);
    assertThat(till.fake.charges("LOST-1-A1")).isEqualTo(1);
  }

  @Test
  void a500AfterTheSessionWasStoredIsOutcomeUnknownAndFound() {
    till = new VivaTill();
    till.fake.nextCreate(FakeVivaServer.CreateAnswer.ERROR_500_AFTER_STORE);

    PaymentIntent paid = till.pay(FakeVivaTerminal.APPROVE, 2480, "S500-1");

    assertThat(paid.isApproved()).isTrue();
    assertThat(till.fake.posts("S500-1-A1")).isEqualTo(1);
  }

  @Test
  void aCreateVivaNeverStoredIsCalledNotFoundOnlyAfterTheSettleWindowThenPaidOnce() {
    till = new VivaTill(b -> b, b -> b, b -> b.paymentDeadline(Duration.ofSeconds(300)));
    till.fake.nextCreate(FakeVivaServer.CreateAnswer.ERROR_500_NOT_STORED);
    Instant start = till.clock.instant();

    assertThatThrownBy(() -> till.pay(FakeVivaTerminal.APPROVE, 2480, "NS-1"))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse())
        .hasMessageContaining("not found");
    assertThat(Duration.between(start, till.clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(120));

    PaymentIntent again = till.pay(FakeVivaTerminal.APPROVE, 2480, "NS-1");
    assertThat(again.isApproved()).isTrue();
    assertThat(again.id()).isEqualTo("NS-1-A2");
    assertThat(till.fake.charges("NS-1-A1") + till.fake.charges("NS-1-A2")).isEqualTo(1);
  }

  @Test
  void aSessionThatNeverReachesTheDeviceStaysInDoubtAndIsNeverSentAgain() {
    till = new VivaTill();

    Instant start = till.clock.instant();
    assertThatThrownBy(() -> till.pay(FakeVivaTerminal.NEVER_REACHED, 1500, "OFF-1"))
        .isInstanceOf(OutcomeUnknownException.class);
    // at the 120 s deadline one abort (the fake ignores it, as Viva may), then 30 s more reads
    assertThat(till.fake.aborts("OFF-1-A1")).isEqualTo(1);
    assertThat(Duration.between(start, till.clock.instant()))
        .isBetween(Duration.ofSeconds(150), Duration.ofSeconds(155));
    till.clock.advance(Duration.ofMinutes(5));
    assertThat(till.client.recover().inDoubt()).containsExactly("OFF-1-A1");
    assertThat(till.fake.aborts("OFF-1-A1")).isEqualTo(1); // recovery reads, it never aborts
    assertThatThrownBy(() -> till.pay(FakeVivaTerminal.NEVER_REACHED, 1500, "OFF-1"))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(till.fake.posts("OFF-1-A1")).isEqualTo(1);
    assertThat(till.fake.posts("OFF-1-A2")).isZero();
  }

  @Test
  void anAbortThatWorksEndsTheSessionCancelledAndNothingWasCharged() {
    till = new VivaTill(b -> b.abortEffect(FakeVivaServer.AbortEffect.EFFECTIVE), b -> b, b -> b);

    PaymentIntent stopped = till.pay(FakeVivaTerminal.NEVER_REACHED, 1500, "AB-1");

    assertThat(stopped.result()).contains(IntentResult.CANCELLED);
    assertThat(till.fake.charges("AB-1-A1")).isZero();
    assertThat(till.signer.outcomes()).containsEntry("AB-1-A1", SignatureOutcome.CANCELLED);
  }

  @Test
  void anApprovalThatComesAfterTheAbortIsAnApproval() {
    till =
        new VivaTill(
            b -> b.abortEffect(FakeVivaServer.AbortEffect.EFFECTIVE),
            b -> b,
            b -> b.paymentDeadline(Duration.ofSeconds(65)));

    PaymentIntent paid = till.pay(FakeVivaTerminal.SLOW, 4000, "AB-2"); // card read at once

    assertThat(till.fake.aborts("AB-2-A1")).isEqualTo(1);
    assertThat(paid.isApproved()).isTrue();
    assertThat(till.fake.charges("AB-2-A1")).isEqualTo(1);
  }

  @Test
  void aTokenRevokedWhileASessionRunsIsRenewedOnceAndTheReadRepeatedNoPostRepeated() {
    till = new VivaTill();
    till.terminal(FakeVivaTerminal.APPROVE);
    till.fake.revokeTokensBeforeNextRead();

    PaymentIntent paid = till.pay(FakeVivaTerminal.APPROVE, 700, "TOK-1");

    assertThat(paid.isApproved()).isTrue();
    assertThat(till.fake.tokensMinted()).isEqualTo(2);
    assertThat(till.fake.posts("TOK-1-A1")).isEqualTo(1);
  }

  @Test
  void aCreateThatMetAnExpiredTokenIsNeverRepeatedAndCalledAbsentOnlyOnTheEvidence() {
    till = new VivaTill();
    Terminal t = till.terminal(FakeVivaTerminal.APPROVE);
    till.fake.revokeTokensBeforeNextCreate();
    PaymentRequest sale =
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(700))
            .reference("TOK-2")
            .build();
    Instant start = till.clock.instant();

    // Viva's status for an expired token is not known: the create is looked up, not repeated,
    // and called absent only after 120 s of 404s and listings without it (inside the abort grace)
    assertThatThrownBy(() -> till.client.pay(sale))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse())
        .hasMessageContaining("not found");
    assertThat(Duration.between(start, till.clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(120));
    assertThat(till.fake.posts("TOK-2-A1")).isZero(); // refused at the door, never sent again

    PaymentIntent again = till.client.pay(sale);
    assertThat(again.id()).isEqualTo("TOK-2-A2");
    assertThat(again.isApproved()).isTrue();
  }

  @Test
  void aSignatureProviderWithoutAVivaNumberIsRefusedBeforeAnythingIsSent() {
    till =
        new VivaTill(
            b -> b, b -> b.aadeProviderId(Optional.empty()).putAadeProviderIds("8", 108), b -> b);

    assertThatThrownBy(() -> till.pay(FakeVivaTerminal.APPROVE, 1000, "NUM-1"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("signature.providerId"));
    assertThat(till.fake.posts("NUM-1-A1")).isZero();
  }

  @Test
  void aProviderNumberVivaDoesNotKnowFailsOnTheTerminalWith1076AndChargesNothing() {
    till = new VivaTill(b -> b, b -> b.aadeProviderId(8), b -> b);

    PaymentIntent failed = till.pay(FakeVivaTerminal.APPROVE, 1000, "AADE-1");

    assertThat(failed.result()).contains(IntentResult.FAILED);
    assertThat(failed.providerRecord()).get().asString().contains("1076");
    assertThat(till.signer.outcomes()).containsEntry("AADE-1-A1", SignatureOutcome.CANCELLED);
  }

  @Test
  void belowTheDemoMinimumIsRefusedBeforeSending() {
    till = new VivaTill(b -> b, b -> b.environment(VivaEnvironment.DEMO), b -> b);

    assertThatThrownBy(() -> till.pay(FakeVivaTerminal.APPROVE, 29, "MIN-1"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    assertThat(till.fake.posts("MIN-1-A1")).isZero();
  }

  @Test
  void aRefundNamesItsSaleAsParentSession() {
    till = new VivaTill();
    PaymentIntent sale = till.pay(FakeVivaTerminal.APPROVE, 5000, "R-1");

    PaymentIntent refund = till.client.refund(sale, Money.euroCents(2000), "R-1-CN");

    assertThat(refund.kind()).isEqualTo(TransactionType.REFUND);
    assertThat(refund.isApproved()).isTrue();
  }

  @Test
  void aPreAuthorisationIsCompletedUnderItsOwnSession() {
    till = new VivaTill();
    Terminal t = till.terminal(FakeVivaTerminal.APPROVE);
    PaymentIntent hold =
        till.client.pay(
            PaymentRequest.builder()
                .terminal(t)
                .kind(TransactionType.PRE_AUTHORISATION)
                .amount(Money.euroCents(10000))
                .reference("H-1")
                .build());

    PaymentIntent done =
        till.client.pay(
            PaymentRequest.builder()
                .terminal(t)
                .kind(TransactionType.PRE_AUTH_COMPLETION)
                .amount(Money.euroCents(8000))
                .reference("H-1-DONE")
                .original(OriginalTransaction.of(hold))
                .build());

    assertThat(hold.kind()).isEqualTo(TransactionType.PRE_AUTHORISATION);
    assertThat(done.isApproved()).isTrue();
    assertThat(done.id()).isEqualTo("H-1-DONE-A1");
  }

  @Test
  void theDaysSessionsAreListedOnceTheListingCaughtUp() {
    till = new VivaTill();
    Instant start = till.clock.instant();
    till.pay(FakeVivaTerminal.APPROVE, 100, "L-1");
    till.pay(FakeVivaTerminal.APPROVE, 200, "L-2");
    Instant end = till.clock.instant();
    till.clock.advance(Duration.ofMinutes(1));

    List<PaymentIntent> listed =
        till.client.intents(till.terminal(FakeVivaTerminal.APPROVE), Period.of(start, end));

    assertThat(listed).extracting(PaymentIntent::id).contains("L-1-A1", "L-2-A1");
    assertThat(listed).allSatisfy(i -> assertThat(i.isApproved()).isTrue());
  }

  @Test
  void theFakesDefaultChargesARepeatedSessionIdAgainSoTheSdkMustNeverRepeatOne() {
    // the fake must not agree with the SDK by construction: its default is the worst reading
    till = new VivaTill();
    Terminal t = till.terminal(FakeVivaTerminal.APPROVE);
    CreateIntentCommand twice = till.signedCreate(t, 300, "REP-1-A1");

    till.provider.create(twice);
    till.provider.create(twice);
    till.clock.advance(Duration.ofSeconds(10));

    assertThat(till.fake.charges("REP-1-A1")).isEqualTo(2);
  }

  @Test
  void aReconciliationFindsASessionUnderOurSuffixThatTheJournalNeverWrote() {
    till = new VivaTill();
    Terminal t = till.terminal(FakeVivaTerminal.APPROVE);
    Instant start = till.clock.instant();
    till.pay(FakeVivaTerminal.APPROVE, 500, "OURS-1");
    // another installation (or a lost journal) started INV-77-A1 on our terminal
    till.provider.create(till.signedCreate(t, 7700, "INV-77-A1"));
    till.clock.advance(Duration.ofMinutes(2));

    dev.webecr.sdk.ReconciliationReport report =
        till.client.reconcile(Period.of(start, till.clock.instant()));

    assertThat(report.discrepancies())
        .anySatisfy(
            d -> {
              assertThat(d.kind()).isEqualTo(dev.webecr.sdk.Discrepancy.Kind.UNKNOWN_TO_JOURNAL);
              assertThat(d.providerReference()).isEqualTo("INV-77-A1");
            });
    assertThat(report.discrepancies())
        .noneSatisfy(d -> assertThat(d.providerReference()).isEqualTo("OURS-1-A1"));
  }

  @Test
  void aCrashAfterTheCreateLeftIsRecoveredByReadingNeverBySendingAgain() {
    till = new VivaTill();
    Terminal t = till.terminal(FakeVivaTerminal.APPROVE);
    dev.webecr.sdk.spi.IntentJournal journal = Journals.inMemory();
    // the till journaled the attempt, sent its create, and died before the answer came
    journal.record(
        dev.webecr.sdk.spi.JournalEntry.builder()
            .providerReference("CR-1-A1")
            .terminal(t.withoutApiKey())
            .kind(TransactionType.SALE)
            .amount(Money.euroCents(1500))
            .phase(dev.webecr.sdk.spi.JournalPhase.PREPARED)
            .createdAt(till.clock.instant())
            .recordedAt(till.clock.instant())
            .build());
    till.provider.create(till.signedCreate(t, 1500, "CR-1-A1"));

    try (PosClient restarted =
        till.clientBuilder(journal, new VirtualTimeScheduler(till.clock)).build()) {
      assertThat(restarted.recover().settled())
          .singleElement()
          .satisfies(i -> assertThat(i.isApproved()).isTrue());
    }
    assertThat(till.fake.posts("CR-1-A1")).isEqualTo(1); // the fake would have charged again
    assertThat(till.fake.charges("CR-1-A1")).isEqualTo(1);
  }

  @Test
  void forcedPastTheChecksTheFakeFailsTheSessionAsTheTerminalWould() {
    // an ERP that turned AADE mode off against a merchant in AADE mode: Viva's terminal says 1083
    till = new VivaTill(b -> b, b -> b.aadeMode(false), b -> b);

    PaymentIntent missing = till.pay(FakeVivaTerminal.APPROVE, 1000, "F-1083");

    assertThat(missing.result()).contains(IntentResult.FAILED);
    assertThat(missing.providerRecord()).get().asString().contains("1083");
    assertThat(till.fake.charges("F-1083-A1")).isZero();
  }

  @Test
  void belowTheTerminalsMinimumWhenTheConfigurationAllowsItFailsWith6000() {
    till = new VivaTill(b -> b.minimumAmountCents(30), b -> b.minimumAmountCents(1), b -> b);

    PaymentIntent small = till.pay(FakeVivaTerminal.APPROVE, 29, "F-6000");

    assertThat(small.result()).contains(IntentResult.FAILED);
    assertThat(small.providerRecord()).get().asString().contains("6000");
  }

  @Test
  void aSignatureMadeForAnotherTerminalIsRefusedBeforeSendingNamingTheField() {
    till = new VivaTill();
    // an e-invoicing provider that signed the document for the shop's other terminal
    dev.webecr.sdk.spi.PaymentSigner wrongTill =
        request ->
            till.signer.sign(
                dev.webecr.sdk.spi.SigningRequest.builder()
                    .from(request)
                    .terminalTid(FakeVivaTerminal.DECLINE.terminalId())
                    .build());
    try (PosClient client =
        till.clientBuilder(Journals.inMemory(), new VirtualTimeScheduler(till.clock))
            .signer(wrongTill)
            .build()) {
      assertThatThrownBy(
              () ->
                  client.pay(VivaTill.sale(till.terminal(FakeVivaTerminal.APPROVE), 1200, "TID-1")))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.field()).isEqualTo("signature.input.tid"));
    }
    assertThat(till.fake.posts("TID-1-A1")).isZero();
  }

  @Test
  void aPreloadedSaleWaitsUntilItIsOpenedOnTheDeviceForWholeHoursOnly() {
    till = new VivaTill();
    Terminal t = till.terminal(FakeVivaTerminal.APPROVE);
    Instant start = till.clock.instant();

    PaymentIntent paid =
        till.client.pay(
            PaymentRequest.builder()
                .terminal(t)
                .amount(Money.euroCents(3500))
                .reference("PRE-1")
                .preloadExpiry(Duration.ofHours(2))
                .build());

    assertThat(paid.isApproved()).isTrue();
    // the fake opens a preloaded session 10 minutes on; the deadline ran from the preload's expiry
    assertThat(Duration.between(start, till.clock.instant())).isGreaterThan(Duration.ofMinutes(10));
    assertThatThrownBy(
            () ->
                till.client.pay(
                    PaymentRequest.builder()
                        .terminal(t)
                        .amount(Money.euroCents(3500))
                        .reference("PRE-2")
                        .preloadExpiry(Duration.ofMinutes(90))
                        .build()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("preloadExpiry"));
    assertThat(till.fake.posts("PRE-2-A1")).isZero();
  }

  @Test
  void forcedWithTheSignedInputOfAnotherTerminalTheFakeFailsTheSessionWith1077() throws Exception {
    till = new VivaTill();
    // what another installation without the SDK's check would send: input signed for 16000002,
    // the sale sent to 16000001
    CreateIntentCommand signed =
        till.signedCreate(till.terminal(FakeVivaTerminal.DECLINE), 1300, "F-1077-A1");
    String body =
        "{\"sessionId\":\"F-1077-A1\",\"terminalId\":\"16000001\",\"cashRegisterId\":\"T\","
            + "\"amount\":1300,\"currencyCode\":\"978\",\"aadeProviderId\":999,"
            + "\"aadeProviderSignatureData\":\""
            + signed.signature().get().input()
            + "\",\"aadeProviderSignature\":\""
            + signed.signature().get().signature()
            + "\"}";
    RawViva raw = new RawViva(till.fake);
    String token = raw.token(FakeVivaServer.CLIENT_ID, FakeVivaServer.CLIENT_SECRET);

    assertThat(raw.post("ecr/v1/transactions:sale", token, body).statusCode()).isEqualTo(200);
    till.clock.advance(Duration.ofSeconds(6));
    String session = raw.get("ecr/v1/sessions/F-1077-A1", token).body();

    assertThat(session).contains("\"success\":false").contains("\"eventId\":1077");
    assertThat(till.fake.charges("F-1077-A1")).isZero();
  }
}
