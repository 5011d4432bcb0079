package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.DuplicatePolicy;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClientBuilder;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.testkit.InjectedFault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The duplicate watch: an attempt called not sent after lookups (the backend committed it 10
 * minutes after its gateway's 504, beyond any window a client keeps) is looked for again on the
 * client's scheduler; a late approval is told to the ERP, and one that charged a reference the ERP
 * was told was paid by its next attempt is given back. The client's scheduler is stepped: the watch
 * runs when the test runs the scheduler, after the ERP paid again, as in a shop.
 */
class DuplicateWatchTest {
  private final List<Discrepancy> told = new CopyOnWriteArrayList<>();
  private StrictFake f = watching(b -> b);

  private StrictFake watching(UnaryOperator<PosClientBuilder> options) {
    return new StrictFake(
        Journals.inMemory(),
        true,
        b -> options.apply(b.serverWait(Duration.ZERO).onDiscrepancy(told::add)));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private CompletableFuture<PaymentIntent> payAsync(Terminal t, String reference) {
    return f.client.payAsync(
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(2600))
            .reference(reference)
            .build());
  }

  /** Attempt 1 called not found (committed 10 minutes late), attempt 2 approved and told. */
  private PaymentIntent chargedTwice(Terminal t, String reference) {
    Throwable notFound = calledNotFound(t, reference);
    PaymentIntent paid = f.settle(payAsync(t, reference));
    assertThat(notFound).isInstanceOf(ConnectionException.class);
    assertThat(paid.providerReference()).isEqualTo(reference + "-A2");
    assertThat(told).isEmpty(); // nothing to tell yet: the watch has not found it
    return paid;
  }

  /** Moves the clock past the late commit of {@code attempt}, which the fake has approved then. */
  private void pastTheLateCommit(String attempt) {
    java.time.Instant sent = f.journal.latest(attempt).orElseThrow().createdAt();
    f.clock.advanceTo(sent.plus(Duration.ofSeconds(70)).plus(Duration.ofMinutes(11)));
    assertThat(f.fake().approvalsByReference()).containsKey(attempt);
  }

  private Throwable calledNotFound(Terminal t, String reference) {
    f.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofMinutes(10));
    Throwable notFound = catchThrowable(() -> f.settle(payAsync(t, reference)));
    f.fake().behaviour().lateCommit(null, null);
    assertThat(f.journal.latest(reference + "-A1").orElseThrow().phase())
        .isEqualTo(JournalPhase.NOT_FOUND);
    return notFound;
  }

  @Test
  void aLateApprovalAfterTheErpPaidAgainIsVoidedAndTheErpTold() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent paid = chargedTwice(t, "DOC-W1");

    f.runUntil(() -> !told.isEmpty());

    Discrepancy d = told.get(0);
    assertThat(d.kind()).isEqualTo(Discrepancy.Kind.DUPLICATE_APPROVAL);
    assertThat(d.providerReference()).isEqualTo("DOC-W1-A1");
    assertThat(d.journalSays()).contains("DOC-W1-A2");
    assertThat(d.reversal()).get().satisfies(r -> assertThat(r.isApproved()).isTrue());
    assertThat(d.reversal().get().kind()).isEqualTo(TransactionType.VOID);
    String duplicateId = d.intent().orElseThrow().id();
    assertThat(f.fake().intent(duplicateId).orElseThrow().voidedAt(f.clock.instant())).isTrue();
    assertThat(f.fake().intent(paid.id()).orElseThrow().voidedAt(f.clock.instant())).isFalse();
    // the ERP paying the reference again gets the approval it was told of; nothing is sent
    long creates = f.server.requestCount(Endpoint.TXNINIT);
    assertThat(f.settle(payAsync(t, "DOC-W1")).id()).isEqualTo(paid.id());
    assertThat(f.server.requestCount(Endpoint.TXNINIT)).isEqualTo(creates);
  }

  @Test
  void aReversalWhoseVoidAnswerIsLostStaysInDoubtAndIsNeverSentAgain() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    chargedTwice(t, "DOC-W2");
    f.server.inject(Endpoint.TXNVOID, InjectedFault.resetBeforeProcessing());

    f.runUntil(() -> !told.isEmpty());
    // the watch and recovery go on for the rest of the day: the void is asked about, not re-sent
    f.runUntil(() -> f.steps.queued() == 0);
    CompletableFuture<RecoveryReport> recovery = CompletableFuture.supplyAsync(f.client::recover);
    f.runUntil(recovery::isDone);

    Discrepancy d = told.get(0);
    assertThat(d.kind()).isEqualTo(Discrepancy.Kind.DUPLICATE_APPROVAL);
    assertThat(d.reversal()).isEmpty();
    assertThat(d.reversalProblem()).get().asString().contains("not known yet");
    assertThat(recovery.join().inDoubt()).contains("REV-" + d.intent().get().id() + "-A1");
    assertThat(f.server.requestCount(Endpoint.TXNVOID)).isEqualTo(1);
    assertThat(told).hasSize(1);
  }

  @Test
  void reportOnlyTellsTheErpAndSendsNothing() {
    f.close();
    f = watching(b -> b.duplicates(DuplicatePolicy.REPORT_ONLY));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    chargedTwice(t, "DOC-W3");
    long sent = f.server.requestCount(Endpoint.TXNINIT) + f.server.requestCount(Endpoint.TXNVOID);

    f.runUntil(() -> !told.isEmpty());

    assertThat(told.get(0).kind()).isEqualTo(Discrepancy.Kind.DUPLICATE_APPROVAL);
    assertThat(told.get(0).reversal()).isEmpty();
    assertThat(told.get(0).reversalProblem()).isEmpty();
    assertThat(f.server.requestCount(Endpoint.TXNINIT) + f.server.requestCount(Endpoint.TXNVOID))
        .isEqualTo(sent);
  }

  @Test
  void aDuplicateFoundAfterTheBatchClosedIsRefundedInFull() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    chargedTwice(t, "DOC-W4");
    // the day's batch closes after the late commit and before the watch's next look
    pastTheLateCommit("DOC-W4-A1");
    f.fake().terminal(t.tid()).closeBatch();

    f.runUntil(() -> !told.isEmpty());

    Discrepancy d = told.get(0);
    assertThat(d.reversal()).get().satisfies(r -> assertThat(r.isApproved()).isTrue());
    assertThat(d.reversal().get().kind()).isEqualTo(TransactionType.REFUND);
    assertThat(d.reversal().get().amount()).isEqualTo(Money.euroCents(2600));
    assertThat(f.fake().approvalsByReference())
        .containsEntry("REF-" + d.intent().get().id() + "-A1", 1);
  }

  @Test
  void aDuplicateRefundWhoseVoidIsDeclinedIsNeverRefundedAgainButLeftToAPerson() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent sale = f.settle(payAsync(t, "DOC-R1"));
    // the refund's first attempt is committed 10 minutes late; the ERP refunds again
    f.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofMinutes(10));
    Throwable notFound = catchThrowable(() -> f.settle(refundAsync(sale, "CN-R1")));
    f.fake().behaviour().lateCommit(null, null);
    assertThat(notFound).isInstanceOf(ConnectionException.class);
    assertThat(f.settle(refundAsync(sale, "CN-R1")).providerReference()).isEqualTo("CN-R1-A2");
    pastTheLateCommit("CN-R1-A1");
    f.fake().terminal(t.tid()).closeBatch(); // its void is declined from now on
    long createsBefore = f.server.requestCount(Endpoint.TXNINIT);

    f.runUntil(() -> !told.isEmpty());

    Discrepancy d = told.get(0);
    assertThat(d.kind()).isEqualTo(Discrepancy.Kind.DUPLICATE_APPROVAL);
    assertThat(d.providerReference()).isEqualTo("CN-R1-A1");
    assertThat(d.reversal())
        .get()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(TransactionType.VOID));
    assertThat(d.reversal().get().isApproved()).isFalse();
    assertThat(d.reversalProblem()).get().asString().contains("a person", "no refund is sent");
    // a refund of the refund would have credited the card a third time
    assertThat(f.server.requestCount(Endpoint.TXNINIT)).isEqualTo(createsBefore);
    assertThat(f.fake().approvalsByReference().keySet()).noneMatch(r -> r.startsWith("REF-"));
  }

  private CompletableFuture<PaymentIntent> refundAsync(PaymentIntent sale, String reference) {
    return f.client.payAsync(
        PaymentRequest.builder()
            .terminal(sale.terminal())
            .kind(TransactionType.REFUND)
            .amount(Money.euroCents(1000))
            .reference(reference)
            .original(dev.webecr.sdk.OriginalTransaction.of(sale))
            .build());
  }

  @Test
  void aVoidThatCameBackBusyIsTriedAgainAsAVoidNeverEscalatedToARefund() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    chargedTwice(t, "DOC-W6");
    pastTheLateCommit("DOC-W6-A1");
    // the terminal answers BUSY (another dialogue on it) to the watch's first void
    f.fake().terminal(t.tid()).profile(TerminalProfile.BUSY);
    long voids = f.server.requestCount(Endpoint.TXNVOID);
    f.runUntil(() -> f.server.requestCount(Endpoint.TXNVOID) > voids);
    f.fake().terminal(t.tid()).profile(TerminalProfile.APPROVE);

    f.runUntil(() -> !told.isEmpty());

    Discrepancy d = told.get(0);
    String duplicateId = d.intent().orElseThrow().id();
    assertThat(told).hasSize(1);
    assertThat(d.reversal()).get().satisfies(r -> assertThat(r.isApproved()).isTrue());
    assertThat(d.reversal().get().kind()).isEqualTo(TransactionType.VOID);
    assertThat(d.reversal().get().providerReference()).isEqualTo("REV-" + duplicateId + "-A2");
    assertThat(f.journal.latest("REV-" + duplicateId + "-A1").orElseThrow().resultCode())
        .contains(dev.webecr.sdk.IntentResult.BUSY.code());
    assertThat(f.fake().intent(duplicateId).orElseThrow().voidedAt(f.clock.instant())).isTrue();
    assertThat(f.fake().approvalsByReference()).doesNotContainKey("REF-" + duplicateId + "-A1");
    assertThat(f.journal.attempts("REF-" + duplicateId)).isEmpty();
  }

  @Test
  void aLoneLateApprovalIsToldAndReturnedWhenTheErpPaysAgain() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    calledNotFound(t, "DOC-W5");

    f.runUntil(() -> !told.isEmpty());
    long creates = f.server.requestCount(Endpoint.TXNINIT);
    PaymentIntent paid = f.settle(payAsync(t, "DOC-W5"));

    Discrepancy d = told.get(0);
    assertThat(d.kind()).isEqualTo(Discrepancy.Kind.SENT_BUT_JOURNALED_NOT_SENT);
    assertThat(d.providerSays()).contains("APPROVED", "DOC-W5");
    assertThat(d.reversal()).isEmpty(); // one charge: whether the ERP took it otherwise it knows
    assertThat(paid.providerReference()).isEqualTo("DOC-W5-A1");
    assertThat(paid.isApproved()).isTrue();
    assertThat(f.server.requestCount(Endpoint.TXNINIT)).isEqualTo(creates);
    assertThat(f.fake().approvalsByReference()).containsOnlyKeys("DOC-W5-A1");
  }

  @Test
  void anAttemptNeverCommittedIsAskedAboutNineTimesInItsDayAndThenLeftAlone() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    // the create is refused after the gateway gave up, and never committed
    f.server.inject(Endpoint.TXNINIT, InjectedFault.status(504, null));
    Throwable notFound = catchThrowable(() -> f.settle(payAsync(t, "DOC-W6")));
    long lookups = f.server.requestCount(Endpoint.INTENTS);

    f.runUntil(() -> f.steps.queued() == 0);

    assertThat(notFound).isInstanceOf(ConnectionException.class);
    assertThat(f.journal.latest("DOC-W6-A1").orElseThrow().phase())
        .isEqualTo(JournalPhase.NOT_FOUND);
    // 10 min, 20, 40, 80, 160, 320, 640, 1280 and the horizon (24 h): one read each
    assertThat(f.server.requestCount(Endpoint.INTENTS) - lookups).isEqualTo(9);
    assertThat(told).isEmpty();
  }

  @Test
  void aLookThatAskedNothingIsTriedAgainAMinuteLaterNotAtTheNextSlot() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    // committed 5 minutes after the gateway gave up: there by the watch's first look (10 min)
    f.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofMinutes(5));
    Throwable notFound = catchThrowable(() -> f.settle(payAsync(t, "DOC-W7")));
    f.fake().behaviour().lateCommit(null, null);
    java.time.Instant sent = f.journal.latest("DOC-W7-A1").orElseThrow().createdAt();
    // a read outage at the first look: every lookup it makes is cut
    for (int i = 0; i < 12; i++) {
      f.server.inject(Endpoint.INTENTS, InjectedFault.resetBeforeProcessing());
    }
    List<java.time.Instant> toldAt = new CopyOnWriteArrayList<>();
    f.runUntil(
        () -> {
          if (!told.isEmpty() && toldAt.isEmpty()) {
            toldAt.add(f.clock.instant());
          }
          return !told.isEmpty();
        });

    assertThat(notFound).isInstanceOf(ConnectionException.class);
    assertThat(told.get(0).kind()).isEqualTo(Discrepancy.Kind.SENT_BUT_JOURNALED_NOT_SENT);
    // not at the first look (the outage), not spinning at it, not waiting for the next (20 min)
    assertThat(toldAt.get(0))
        .isAfterOrEqualTo(sent.plus(Duration.ofMinutes(11)))
        .isBefore(sent.plus(Duration.ofMinutes(20)));
  }
}
