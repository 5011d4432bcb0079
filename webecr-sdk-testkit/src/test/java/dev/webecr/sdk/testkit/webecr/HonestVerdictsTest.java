package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.MyDataPayment;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentMethod;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.testkit.InjectedFault;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verdicts an ERP acts on ("nothing was charged", "not voided", DECLINED) are said only when
 * the evidence proves them: each test sets the strict fake to a worst case the public evidence
 * allows (its defaults: a listing lag, no single-intent route) and checks that the customer is
 * charged or credited once, and that what the SDK said agrees with the fake's ledger.
 */
class HonestVerdictsTest {
  private StrictFake f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private StrictFake till(Duration serverWait) {
    f = new StrictFake(Journals.inMemory(), b -> b.serverWait(serverWait));
    return f;
  }

  @Test
  void aCreateCommittedAfterTheGatewayGaveUpIsFoundNotCalledUnsent() {
    till(Duration.ZERO);
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofSeconds(30));

    PaymentIntent paid = f.pay(t, 2480, "INV-GW");

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.providerReference()).isEqualTo("INV-GW-A1");
    assertThat(f.fake().creates()).isEqualTo(1);
    assertThat(f.fake().approvalsByReference()).containsOnlyKeys("INV-GW-A1");
  }

  @Test
  void aCreateCommittedAfterTheGatewayGaveUpOnAServerSideWaitIsFoundNotCalledUnsent() {
    till(Duration.ofSeconds(30));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().lateCommit(Duration.ofSeconds(130), Duration.ofSeconds(30));

    PaymentIntent paid = f.pay(t, 2480, "INV-GW30");

    assertThat(paid.isApproved()).isTrue();
    assertThat(f.fake().creates()).isEqualTo(1);
    assertThat(f.fake().approvalsByReference()).containsOnlyKeys("INV-GW30-A1");
  }

  @Test
  void aCreateCommittedTooLateForThePaymentStaysInDoubtAndPayingAgainAdoptsIt() {
    till(Duration.ZERO);
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    // the backend commits 10 minutes after the gateway's 504: past the payment's deadline
    f.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofMinutes(10));

    Throwable first =
        org.assertj.core.api.Assertions.catchThrowable(() -> f.pay(t, 2480, "INV-LT"));
    f.fake().behaviour().lateCommit(null, null);
    f.advance(Duration.ofMinutes(15));
    PaymentIntent paid = f.pay(t, 2480, "INV-LT");

    assertThat(first)
        .isInstanceOf(ConnectionException.class)
        .hasMessageNotContaining("nothing was charged");
    assertThat(paid.providerReference()).isEqualTo("INV-LT-A1");
    assertThat(f.fake().creates()).isEqualTo(1);
    assertThat(f.fake().approvalsByReference()).containsOnlyKeys("INV-LT-A1");
  }

  @ParameterizedTest(name = "HTTP {0} after the commit")
  @ValueSource(ints = {429, 408, 400, 409, 503})
  void aCreateRefusedAfterItsCommitIsLookedUpNotCalledUnsent(int status) {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().refuseAfterCommit(status).listingLag(Duration.ofSeconds(10));

    PaymentIntent paid = f.pay(t, 1500, "INV-RF");

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.providerReference()).isEqualTo("INV-RF-A1");
    assertThat(f.fake().creates()).isEqualTo(1);
  }

  @Test
  void onlyARequestThatNeverLeftTheMachineIsNothingCharged() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    int port = closed;
    f = new StrictFake();
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    try (dev.webecr.sdk.PosClient offline =
        f.anotherTill(
            "http://127.0.0.1:" + port + "/api/v2.2/",
            // the create itself, not the lookup before it (which says "nothing was sent" too)
            b -> b.lookupBeforeFirstAttempt(false))) {
      assertThatThrownBy(
              () ->
                  offline.pay(
                      dev.webecr.sdk.PaymentRequest.builder()
                          .terminal(t)
                          .amount(Money.euroCents(100))
                          .reference("INV-OFF")
                          .build()))
          .isInstanceOfSatisfying(
              ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse())
          .hasMessageContaining("never left this machine")
          .hasMessageContaining("nothing was charged");
    }
  }

  /** A void answered UNKNOWN whose host did void the sale, the record kept on the original. */
  @Test
  void aVoidInDoubtIsSettledByTheOriginalsVoidMarkNeverReadAsNotVoided() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().voidsOnOriginal(true);
    PaymentIntent sale = f.pay(t, 498, "INV-VO"); // LATE: UNKNOWN, approved by the host

    PaymentIntent voided = f.client.voidPayment(sale, "VOID-VO");

    assertThat(sale.isApproved()).isTrue();
    assertThat(voided.result()).contains(IntentResult.APPROVED);
    assertThat(voided.kind()).isEqualTo(TransactionType.VOID);
    assertThat(f.fake().intent(sale.id()).orElseThrow().voidedAt(f.clock.instant())).isTrue();
  }

  @Test
  void aVoidInDoubtWhoseOriginalIsNotMarkedStaysInDoubt() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().voidsOnOriginal(true);
    PaymentIntent sale = f.pay(t, 1200, "INV-VN");
    f.fake().terminal(t.tid()).profile(TerminalProfile.NO_ANSWER);

    assertThatThrownBy(() -> f.client.voidPayment(sale, "VOID-VN"))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(f.journal.latest("VOID-VN-A1").orElseThrow().phase().isInFlight()).isTrue();
  }

  @Test
  void aLostVoidAnswerIsFoundWhenTheVoidEchoesItsOriginalsTransactionId() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().voidsOnOriginal(true);
    PaymentIntent sale = f.pay(t, 320, "INV-VL");
    f.server.inject(Endpoint.TXNVOID, InjectedFault.resetAfterProcessing());

    PaymentIntent voided = f.client.voidPayment(sale, "VOID-VL");

    assertThat(voided.isApproved()).isTrue();
    assertThat(voided.providerReference()).isEqualTo("VOID-VL-A1");
    assertThat(f.server.requestCount(Endpoint.TXNVOID)).isEqualTo(1);
  }

  @Test
  void aVoidFoundOnlyByTimeInAListWithoutTimestampsStaysInDoubt() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent sale = f.pay(t, 498, "INV-VT"); // approved by its record: no TransactionId
    f.fake().behaviour().voidListWithoutTimestamp(true);
    f.server.inject(Endpoint.TXNVOID, InjectedFault.resetAfterProcessing());

    assertThatThrownBy(() -> f.client.voidPayment(sale, "VOID-VT"))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(sale.transactionId()).isEmpty();
    assertThat(f.server.requestCount(Endpoint.TXNVOID)).isEqualTo(1);
  }

  @Test
  void aSaleIsNeverCreditedTwiceByVoidsAndRefunds() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent sale = f.pay(t, 1000, "INV-DC");
    PaymentIntent voided = f.client.voidPayment(sale, "VOID-DC");

    assertThatThrownBy(() -> f.client.voidPayment(sale, "VOID-DC2"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("original"));
    assertThatThrownBy(() -> f.client.refund(sale, Money.euroCents(1000), "CN-DC"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    assertThat(voided.isApproved()).isTrue();
    assertThat(f.fake().creates()).isEqualTo(2);
  }

  @Test
  void theFakeRefusesASecondVoidAndARefundOfAVoidedSaleAsAHostDoes() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent sale = f.pay(t, 1000, "INV-HV");
    f.client.voidPayment(sale, "VOID-HV");
    // another till with a journal of its own cannot know of the first void: the host refuses
    try (dev.webecr.sdk.PosClient second = f.anotherTill(null)) {
      assertThatThrownBy(() -> second.voidPayment(sale, "VOID-HV2"))
          .isInstanceOfSatisfying(
              ProviderRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
      assertThatThrownBy(() -> second.refund(sale, Money.euroCents(1000), "CN-HV"))
          .isInstanceOfSatisfying(
              ProviderRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }
    assertThat(f.fake().creates()).isEqualTo(2);
  }

  @Test
  void aVoidGivesNoMyDataPaymentAndIsListedAsAVoidUnderItsReference() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    PaymentIntent sale = f.pay(t, 1000, "INV-MD");
    PaymentIntent voided = f.client.voidPayment(sale, "VOID-MD");
    f.advance(Duration.ofSeconds(10));

    List<PaymentIntent> listed = f.client.intents(t, Period.of(from, f.clock.instant()));

    assertThat(voided.myDataPayment()).isEmpty();
    assertThat(sale.myDataPayment()).isPresent();
    assertThat(listed)
        .filteredOn(i -> i.id().equals(voided.id()))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.kind()).isEqualTo(TransactionType.VOID);
              assertThat(i.providerReference()).isEqualTo("VOID-MD-A1");
            });
    assertThat(f.client.reconcile(Period.of(from, f.clock.instant())).discrepancies()).isEmpty();
  }

  @Test
  void irisChosenOnTheTerminalIsReportedToMyDataAsIris() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().customerChoosesIris(true);

    PaymentIntent paid = f.pay(t, 2000, "INV-IRIS");

    assertThat(paid.paymentMethod()).contains(PaymentMethod.IRIS);
    assertThat(paid.myDataPayment().orElseThrow().type()).isEqualTo(MyDataPayment.TYPE_IRIS);
  }

  @Test
  void anEmbeddedTransactionWithoutApprovedIsJoinedSoAnUnknownSettlesAtOnce() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().transactionAsObject(true); // and, by default, without Approved
    Instant start = f.clock.instant();

    PaymentIntent paid = f.pay(t, 498, "INV-EMB"); // LATE: UNKNOWN for 60 s, host approved

    assertThat(paid.isApproved()).isTrue();
    assertThat(Duration.between(start, f.clock.instant())).isLessThan(Duration.ofSeconds(60));
    assertThat(paid.rrn()).isPresent();
  }

  @Test
  void aPreAuthorisationStartedOnThePosAndShownOnlyInTransactionsIsListedAndCompleted() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().behaviour().posOnlyInTransactions(true);
    Instant from = f.clock.instant();
    f.server.control().preAuthoriseOnPos(t.tid(), 5000);
    f.advance(Duration.ofMinutes(1));

    PaymentIntent preAuth =
        f.client.intents(t, Period.of(from, f.clock.instant())).stream()
            .filter(i -> i.kind() == TransactionType.PRE_AUTHORISATION)
            .findFirst()
            .orElseThrow();
    PaymentIntent completed =
        f.client.pay(
            dev.webecr.sdk.PaymentRequest.builder()
                .terminal(t)
                .amount(Money.euroCents(4230))
                .kind(TransactionType.PRE_AUTH_COMPLETION)
                .reference("CMP-POS")
                .original(dev.webecr.sdk.OriginalTransaction.of(preAuth))
                .build());

    assertThat(preAuth.isApproved()).isTrue();
    assertThat(preAuth.amount()).isEqualTo(Money.euroCents(5000));
    assertThat(completed.isApproved()).isTrue();
  }

  @Test
  void aNextLinkToAnotherHostIsNotFollowedAndGetsNoCredentials() throws Exception {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    FakeTerminal device = f.fake().terminal(t.tid());
    for (int n = 0; n < 101; n++) {
      f.fake().create(device, TransactionType.SALE, 0, 100, 978, "LIST-" + n, null, null, null);
      f.advance(Duration.ofSeconds(5));
    }
    try (FakeWebEcrServer elsewhere = FakeWebEcrServer.builder().clock(f.clock).build().start()) {
      String base = elsewhere.mellonConfig().build().resolvedResourceUrl();
      f.fake().behaviour().nextLinksTo(base.substring(0, base.indexOf("/api")));

      assertThatThrownBy(() -> f.client.intents(t, Period.of(from, f.clock.instant())))
          .isInstanceOf(ProviderRejectedException.class)
          .hasMessageContaining("not followed, no credentials sent");
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void aRecoveryDuringAReadOutageDoesNotBackOff() {
    till(Duration.ofSeconds(60));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.fake().terminal(t.tid()).profile(TerminalProfile.NO_ANSWER);
    assertThatThrownBy(() -> f.pay(t, 700, "INV-OUT")).isInstanceOf(OutcomeUnknownException.class);
    f.server.faultsAtRandom(new java.util.Random(7), 1.0, List.of(InjectedFault.status(500, null)));

    f.client.recover();

    JournalEntry after = f.journal.latest("INV-OUT-A1").orElseThrow();
    assertThat(after.recoveryRuns()).isZero();
    assertThat(after.nextRecoveryAt()).isEmpty();
    f.server.noRandomFaults();
    f.client.recover();
    assertThat(f.journal.latest("INV-OUT-A1").orElseThrow().recoveryRuns()).isEqualTo(1);
  }

  @Test
  void theBehaviourSwitchesAreSetByNameAndABadOneListsWhatIsAllowed() {
    WebEcrBehaviour b = new FakeWebEcr(java.time.Clock.systemUTC()).behaviour();

    BehaviourSwitches.set(b, "late-commit", "70,30");
    BehaviourSwitches.set(b, "refuse-after-commit", "429");
    BehaviourSwitches.set(b, "voids-on-original", "true");

    assertThat(Map.of("gw", b.gatewayTimeout(), "commit", b.commitAfter()))
        .containsEntry("gw", Duration.ofSeconds(70))
        .containsEntry("commit", Duration.ofSeconds(30));
    assertThat(b.refuseAfterCommit()).isEqualTo(429);
    assertThat(b.voidsOnOriginal()).isTrue();
    assertThatThrownBy(() -> BehaviourSwitches.set(b, "teapot", "true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("late-commit");
    assertThatThrownBy(() -> BehaviourSwitches.set(b, "listing-lag", "soon"))
        .hasMessageContaining("whole number");
  }
}
