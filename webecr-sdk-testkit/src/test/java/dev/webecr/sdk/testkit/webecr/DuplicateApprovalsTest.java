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
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ReconciliationReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.testkit.InjectedFault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A customer charged twice under one ERP reference is found by {@code reconcile()} and reported as
 * {@link Discrepancy.Kind#DUPLICATE_APPROVAL}, the approval the ERP was told of kept: two tills
 * with journals of their own paying one reference, and an attempt called not sent that the backend
 * committed after the settle window.
 */
class DuplicateApprovalsTest {
  private StrictFake f = new StrictFake(Journals.inMemory(), b -> b.serverWait(Duration.ZERO));

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void twoTillsPayingOneReferenceKeepTheFirstApprovalAndTheSecondTillGivesItsOwnBack() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    PaymentIntent first = f.pay(t, 1800, "DOC-2T");
    // a till that does not ask before its first attempt (the documented risk; or one asking
    // within the listing lag): it charges the reference again
    try (PosClient otherTill = f.anotherTill(null, b -> b.lookupBeforeFirstAttempt(false))) {
      PaymentIntent second = pay(otherTill, t, 1800, "DOC-2T");
      f.advance(Duration.ofMinutes(1));
      Period period = Period.of(from, f.clock.instant());

      ReconciliationReport here = f.client.reconcile(period);
      ReconciliationReport there = otherTill.reconcile(period);

      assertThat(first.isApproved()).isTrue();
      assertThat(second.isApproved()).isTrue();
      // both tills keep the same approval, the one made first; only its till gives the other back
      assertThat(here.discrepancies())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.kind()).isEqualTo(Discrepancy.Kind.DUPLICATE_APPROVAL);
                assertThat(d.intent()).get().extracting(PaymentIntent::id).isEqualTo(second.id());
                assertThat(d.journalSays()).contains("told of DOC-2T-A1");
                assertThat(d.reversal()).isEmpty();
                assertThat(d.reversalProblem()).get().asString().contains("another till");
              });
      assertThat(there.discrepancies())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.intent()).get().extracting(PaymentIntent::id).isEqualTo(second.id());
                assertThat(d.journalSays()).contains("made at another till");
                assertThat(d.reversal()).get().satisfies(r -> assertThat(r.isApproved()).isTrue());
              });
      assertThat(f.fake().intent(second.id()).orElseThrow().voidedAt(f.clock.instant())).isTrue();
      assertThat(f.fake().intent(first.id()).orElseThrow().voidedAt(f.clock.instant())).isFalse();
    }
  }

  @Test
  void twoTillsOnTerminalsOfTheirOwnFindTheOthersChargeAndTheLaterTillGivesItsOwnBack() {
    Terminal mine = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    PaymentIntent first = f.pay(mine, 1900, "DOC-2X");
    String otherTid = FakeTerminals.tidOf(TerminalProfile.DECLINE);
    f.fake().terminal(otherTid).profile(TerminalProfile.APPROVE);
    try (PosClient otherTill = f.anotherTill(null, b -> b.lookupBeforeFirstAttempt(false))) {
      Terminal theirs =
          otherTill.terminals(otherTill.pair(FakeTerminals.REDEEM_CODE)).stream()
              .filter(x -> x.tid().equals(otherTid))
              .findFirst()
              .orElseThrow();
      PaymentIntent second = pay(otherTill, theirs, 1900, "DOC-2X");
      f.advance(Duration.ofMinutes(1));
      Period period = Period.of(from, f.clock.instant());

      ReconciliationReport here = f.client.reconcile(period);
      ReconciliationReport there = otherTill.reconcile(period);

      assertThat(second.isApproved()).isTrue();
      // neither till's journal names the other's terminal: each lists the terminals it knows
      assertThat(here.discrepancies())
          .singleElement()
          .satisfies(d -> assertThat(d.intent().get().id()).isEqualTo(second.id()));
      assertThat(there.discrepancies())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.intent().get().id()).isEqualTo(second.id());
                assertThat(d.reversal()).get().satisfies(r -> assertThat(r.isApproved()).isTrue());
              });
      assertThat(f.fake().intent(second.id()).orElseThrow().voidedAt(f.clock.instant())).isTrue();
      assertThat(f.fake().intent(first.id()).orElseThrow().voidedAt(f.clock.instant())).isFalse();
      // the other till's own payments, not this till's business, are not reported here
      assertThat(here.discrepancies())
          .noneMatch(d -> d.kind() == Discrepancy.Kind.UNKNOWN_TO_JOURNAL);
    }
  }

  private static PaymentIntent pay(PosClient till, Terminal t, long cents, String reference) {
    return till.pay(
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(cents))
            .reference(reference)
            .build());
  }

  /**
   * Pays {@code reference} once "not sent" (committed 25 hours late, after the duplicate watch's
   * horizon: only a reconciliation finds it) and once approved.
   */
  private PaymentIntent chargedTwice(Terminal t, String reference) {
    // the backend commits a day after the gateway's 504: beyond every window the SDK keeps
    f.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofHours(25));
    Throwable notSent = catchThrowable(() -> f.pay(t, 2600, reference));
    f.fake().behaviour().lateCommit(null, null);
    PaymentIntent told = f.pay(t, 2600, reference);
    f.advance(Duration.ofHours(2));
    assertThat(notSent).isInstanceOf(ConnectionException.class);
    assertThat(told.providerReference()).isEqualTo(reference + "-A2");
    assertThat(f.fake().approvalsByReference())
        .containsEntry(reference + "-A1", 1)
        .containsEntry(reference + "-A2", 1);
    return told;
  }

  private static Discrepancy onlyDuplicate(ReconciliationReport report) {
    assertThat(report.discrepancies()).hasSize(1);
    Discrepancy d = report.discrepancies().get(0);
    assertThat(d.kind()).isEqualTo(Discrepancy.Kind.DUPLICATE_APPROVAL);
    return d;
  }

  @Test
  void anAttemptCommittedAfterItsWindowIsVoidedAndTheToldOneKept() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    PaymentIntent told = chargedTwice(t, "DOC-LC");

    Discrepancy d = onlyDuplicate(f.client.reconcile(Period.of(from, f.clock.instant())));
    int creates = f.fake().creates();
    Discrepancy again = onlyDuplicate(f.client.reconcile(Period.of(from, f.clock.instant())));

    assertThat(d.providerReference()).isEqualTo("DOC-LC-A1");
    assertThat(d.journalSays()).contains("DOC-LC-A2");
    assertThat(d.reversal()).get().satisfies(v -> assertThat(v.isApproved()).isTrue());
    assertThat(d.reversal().get().kind()).isEqualTo(TransactionType.VOID);
    String duplicateId = d.intent().orElseThrow().id();
    assertThat(f.fake().intent(duplicateId).orElseThrow().voidedAt(f.clock.instant())).isTrue();
    assertThat(f.fake().intent(told.id()).orElseThrow().voidedAt(f.clock.instant())).isFalse();
    // a second reconciliation reports the same reversal and sends nothing
    assertThat(again.reversal().get().id()).isEqualTo(d.reversal().get().id());
    // paying the reference again returns the approval the ERP was told of, and sends nothing
    assertThat(f.pay(t, 2600, "DOC-LC").id()).isEqualTo(told.id());
    assertThat(f.fake().creates()).isEqualTo(creates);
  }

  @Test
  void reportOnlyReportsTheDuplicateAndGivesNothingBack() {
    f.close();
    f =
        new StrictFake(
            Journals.inMemory(),
            b -> b.serverWait(Duration.ZERO).duplicates(DuplicatePolicy.REPORT_ONLY));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    chargedTwice(t, "DOC-RO");
    int creates = f.fake().creates();

    Discrepancy d = onlyDuplicate(f.client.reconcile(Period.of(from, f.clock.instant())));

    assertThat(d.reversal()).isEmpty();
    assertThat(d.reversalProblem()).isEmpty();
    assertThat(f.fake().creates()).isEqualTo(creates);
  }

  @Test
  void aDuplicateFoundAfterTheBatchClosedIsRefundedInFull() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    chargedTwice(t, "DOC-BC");
    f.fake().terminal(t.tid()).closeBatch();

    Discrepancy d = onlyDuplicate(f.client.reconcile(Period.of(from, f.clock.instant())));

    assertThat(d.reversal()).get().satisfies(r -> assertThat(r.isApproved()).isTrue());
    assertThat(d.reversal().get().kind()).isEqualTo(TransactionType.REFUND);
    assertThat(d.reversal().get().amount()).isEqualTo(Money.euroCents(2600));
    assertThat(f.fake().approvalsByReference())
        .containsEntry("REF-" + d.intent().get().id() + "-A1", 1);
  }

  @Test
  void aReversalWhoseVoidIsLostStaysInDoubtAndIsNeverSentTwice() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    chargedTwice(t, "DOC-LV");
    f.server.inject(Endpoint.TXNVOID, InjectedFault.resetBeforeProcessing());

    Discrepancy first = onlyDuplicate(f.client.reconcile(Period.of(from, f.clock.instant())));
    f.advance(Duration.ofMinutes(10));
    ReconciliationReport second = f.client.reconcile(Period.of(from, f.clock.instant()));

    assertThat(first.reversal()).isEmpty();
    assertThat(first.reversalProblem()).get().asString().contains("not known yet");
    // the reversal in doubt is reported as such, its void never sent again
    assertThat(second.discrepancies())
        .extracting(Discrepancy::kind, Discrepancy::providerReference)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Discrepancy.Kind.DUPLICATE_APPROVAL, "DOC-LV-A1"),
            org.assertj.core.groups.Tuple.tuple(
                Discrepancy.Kind.MISSING_AT_PROVIDER, "REV-" + first.intent().get().id() + "-A1"));
    assertThat(f.server.requestCount(Endpoint.TXNVOID)).isEqualTo(1);
    assertThat(f.server.requestCount(Endpoint.TXNINIT)).isEqualTo(2); // the two sales, no refund
  }
}
