package dev.webecr.sdk;

import static dev.webecr.sdk.ScriptedProvider.Script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ScriptedProvider.Fault;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PosClientTest extends ClientFixture {

  @Test
  void approvedSaleIsPolledToCompletionAndJournaledSettled() {
    PaymentIntent paid = client().pay(sale("INV-1", 2480));

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.status()).isEqualTo(IntentStatus.COMPLETED);
    assertThat(paid.rrn()).contains("123456789012");
    assertThat(paid.providerReference()).isEqualTo("INV-1-A1");
    assertThat(paid.reference()).isEqualTo("INV-1");
    assertThat(paid.nextStep()).isEqualTo(NextStep.NONE);
    assertThat(journal.latest("INV-1-A1"))
        .get()
        .extracting(JournalEntry::phase)
        .isEqualTo(JournalPhase.SETTLED);
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void declinedAndCancelledAreOutcomesNotExceptions() {
    provider.script(
        "11111111",
        Script.of(IntentResult.DECLINED),
        Script.of(IntentResult.CANCELLED),
        Script.of(IntentResult.FAILED));
    PosClient client = client();

    assertThat(client.pay(sale("INV-D", 100)).result()).contains(IntentResult.DECLINED);
    assertThat(client.pay(sale("INV-C", 100)).result()).contains(IntentResult.CANCELLED);
    assertThat(client.pay(sale("INV-F", 100)).result()).contains(IntentResult.FAILED);
  }

  @Test
  void busyTerminalIsReportedNotRetried() {
    provider.script("11111111", Script.of(IntentResult.BUSY));

    PaymentIntent busy = client().pay(sale("INV-B", 100));

    assertThat(busy.result()).contains(IntentResult.BUSY);
    assertThat(busy.nextStep()).isEqualTo(NextStep.RETRY_LATER);
    assertThat(busy.isApproved()).isFalse();
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void maxTransactionsAsksToCloseTheBatch() {
    provider.script("11111111", Script.of(IntentResult.MAX_TRANSACTIONS));

    PaymentIntent full = client().pay(sale("INV-M", 100));

    assertThat(full.nextStep()).isEqualTo(NextStep.CLOSE_BATCH_THEN_RETRY);
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void unknownResultIsPolledUntilTheProviderKnows() {
    provider.script("11111111", new Script().with(s -> s.unknownPolls = 3));

    PaymentIntent paid = client().pay(sale("INV-U", 100));

    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void createTimesOutThenIsFoundByReference() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.ANSWER_LOST));

    PaymentIntent paid = client().pay(sale("INV-T", 100));

    assertThat(paid.isApproved()).isTrue();
    assertThat(provider.creates()).isEqualTo(1);
    assertThat(provider.intentsOn("11111111")).hasSize(1);
  }

  @Test
  void lostCreateIsDeclaredNotSentOnlyAfterTheSettleTime() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.REQUEST_LOST));
    java.time.Instant start = clock.instant();

    assertThatThrownBy(() -> client().pay(sale("INV-L", 100)))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse())
        .hasMessageContaining("was not found at the provider")
        .hasMessageContaining("safe to pay again")
        .hasMessageNotContaining("nothing was charged");

    assertThat(Duration.between(start, clock.instant()))
        .isGreaterThanOrEqualTo(provider.createSettleTime());
    assertThat(provider.creates()).isZero();
    assertThat(journal.latest("INV-L-A1"))
        .get()
        .extracting(JournalEntry::phase)
        .isEqualTo(JournalPhase.NOT_FOUND);
  }

  @Test
  void aValueMissingAFieldAfterTheIntentExistsIsLookedUpNotCalledNotSent() {
    provider.script(
        "11111111",
        new Script()
            .with(
                s ->
                    s.onCreate =
                        () -> {
                          throw new RequiredFieldException("status");
                        }));

    PaymentIntent paid = client().pay(sale("INV-RF", 100));

    assertThat(paid.isApproved()).isTrue();
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void refusedConnectionFailsAtOnceAsNotSent() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.REFUSED));

    assertThatThrownBy(() -> client().pay(sale("INV-R", 100)))
        .isInstanceOf(ConnectionException.class);

    assertThat(journal.latest("INV-R-A1").get().phase()).isEqualTo(JournalPhase.NOT_SENT);
  }

  @Test
  void providerRejectionIsJournaledNotSentAndSurfaced() {
    provider.script("11111111", new Script().with(s -> s.fault = Fault.REJECTED));

    assertThatThrownBy(() -> client().pay(sale("INV-X", 100)))
        .isInstanceOfSatisfying(
            ProviderRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));

    assertThat(journal.latest("INV-X-A1").get().phase()).isEqualTo(JournalPhase.NOT_SENT);
  }

  @Test
  void deadlineLeavesTheIntentInFlightAndRecoverResolvesIt() {
    provider.script("11111111", new Script().with(s -> s.neverCompletes = true));
    PosClient client = clientBuilder().paymentDeadline(Duration.ofSeconds(60)).build();
    java.time.Instant start = clock.instant();

    assertThatThrownBy(() -> client.pay(sale("INV-S", 100)))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e -> {
              assertThat(e.providerReference()).isEqualTo("INV-S-A1");
              assertThat(e.lastKnown())
                  .get()
                  .extracting(PaymentIntent::status)
                  .isEqualTo(IntentStatus.SENT);
            });
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(60));
    assertThat(journal.latest("INV-S-A1").get().phase()).isEqualTo(JournalPhase.IN_FLIGHT);

    provider.complete("INV-S-A1", IntentResult.APPROVED);
    RecoveryReport report = client.recover();

    assertThat(report.settled())
        .singleElement()
        .satisfies(i -> assertThat(i.isApproved()).isTrue());
    assertThat(report.inDoubt()).isEmpty();
    assertThat(journal.latest("INV-S-A1").get().phase()).isEqualTo(JournalPhase.SETTLED);
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void unreachableProviderDuringPollingEndsInDoubtNotFailed() {
    provider.script(
        "11111111", new Script().with(s -> s.onCreate = () -> provider.unreachable = true));
    PosClient client = clientBuilder().paymentDeadline(Duration.ofSeconds(30)).build();

    assertThatThrownBy(() -> client.pay(sale("INV-N", 100)))
        .isInstanceOf(OutcomeUnknownException.class);

    assertThat(journal.latest("INV-N-A1").get().phase().isInFlight()).isTrue();
    provider.unreachable = false;
    assertThat(client.recover().settled()).hasSize(1);
  }

  @Test
  void payingAgainWithAnApprovedReferenceReturnsItWithoutCharging() {
    PosClient client = client();
    PaymentIntent first = client.pay(sale("INV-2", 500));

    PaymentIntent again = client.pay(sale("INV-2", 500));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void payingAgainAfterBusyIsANewAttempt() {
    provider.script("11111111", Script.of(IntentResult.BUSY));
    PosClient client = client();
    client.pay(sale("INV-3", 500));

    PaymentIntent second = client.pay(sale("INV-3", 500));

    assertThat(second.providerReference()).isEqualTo("INV-3-A2");
    assertThat(second.isApproved()).isTrue();
    assertThat(provider.creates()).isEqualTo(2);
  }

  @Test
  void aReferenceCannotBeReusedForAnotherAmount() {
    PosClient client = client();
    client.pay(sale("INV-4", 500));

    assertThatThrownBy(() -> client.pay(sale("INV-4", 600)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("reference"));
    assertThat(provider.creates()).isEqualTo(1);
  }

  @Test
  void referenceLongerThanTheProviderAllowsIsRejectedBeforeSending() {
    String reference = "R".repeat(46);

    assertThatThrownBy(() -> client().pay(sale(reference, 100)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("reference"));
    assertThat(provider.creates()).isZero();
  }

  @Test
  void terminalOfAnotherProviderIsRejected() {
    Terminal other = Terminal.builder().providerId("mellon").tid("1").callId("2").build();

    assertThatThrownBy(() -> client().pay(sale(other, "INV-5", 100)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("terminal.providerId"));
  }

  @Test
  void refundAndVoidRunAsPaymentsLinkedToTheOriginal() {
    PosClient client = client();
    PaymentIntent sale = client.pay(sale("INV-6", 1000));
    PaymentIntent other = client.pay(sale("INV-7", 1000));

    PaymentIntent refund = client.refund(sale, Money.euroCents(400), "CN-6");
    PaymentIntent voided = client.voidPayment(other, "VOID-7");

    assertThat(refund.kind()).isEqualTo(TransactionType.REFUND);
    assertThat(refund.amount()).isEqualTo(Money.euroCents(400));
    assertThat(voided.kind()).isEqualTo(TransactionType.VOID);
    assertThat(voided.amount()).isEqualTo(Money.euroCents(1000));
    assertThat(provider.creates()).isEqualTo(4);
  }

  @Test
  void aSaleIsNeverCreditedTwice() {
    PosClient client = client();
    PaymentIntent sale = client.pay(sale("INV-8", 1000));
    PaymentIntent part = client.pay(sale("INV-9", 1000));
    client.voidPayment(sale, "VOID-8");
    client.refund(part, Money.euroCents(400), "CN-9");
    int sent = provider.creates();

    assertThatThrownBy(() -> client.voidPayment(sale, "VOID-8B"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("original"))
        .hasMessageContaining("already voided (VOID-8-A1)");
    assertThatThrownBy(() -> client.refund(sale, Money.euroCents(1000), "CN-8"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    assertThatThrownBy(() -> client.refund(sale, Money.euroCents(1), "CN-8C"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    assertThatThrownBy(() -> client.voidPayment(part, "VOID-9"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("amount"))
        .hasMessageContaining("refund what is left");
    assertThat(client.refund(part, Money.euroCents(600), "CN-9B").isApproved()).isTrue();
    assertThat(provider.creates()).isEqualTo(sent + 1);
  }

  @Test
  void pairRejectsACodeThatIsNotEightDigitsBeforeAnyRequest() {
    PosClient client = client();

    for (String bad : new String[] {"1234567", "123456789", "1234abcd", ""}) {
      assertThatThrownBy(() -> client.pair(bad))
          .isInstanceOfSatisfying(
              InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("redeemCode"));
    }
    assertThat(client.pair("12345678")).isEqualTo(ApiKey.of("key-for-12345678"));
  }

  @Test
  void terminalsAreRememberedSoPaymentsNeedNoKeyAgain() {
    PosClient client = client();
    Terminal listed = client.terminals(ApiKey.of("k")).get(0);

    PaymentIntent paid = client.pay(sale(listed.withoutApiKey(), "INV-7", 100));

    assertThat(paid.isApproved()).isTrue();
  }

  @Test
  void builderNamesWhatIsMissing() {
    assertThatThrownBy(() -> PosClient.builder().journal(journal).build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("provider"));
    assertThatThrownBy(() -> PosClient.builder().provider(provider).build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("journal"));
  }

  @Test
  void reconcileReportsWhereJournalAndProviderDiffer() {
    PosClient client = client();
    client.pay(sale("INV-8", 100));
    // The provider has an intent under our reference scheme that the journal never wrote.
    PosClient other =
        PosClient.builder()
            .provider(provider)
            .journal(Journals.inMemory())
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .build();
    other.pay(sale("INV-9", 100));

    ReconciliationReport report =
        client.reconcile(
            Period.of(clock.instant().minusSeconds(3600), clock.instant().plusSeconds(1)));

    assertThat(report.providerIntents()).hasSize(2);
    assertThat(report.discrepancies())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Discrepancy.Kind.UNKNOWN_TO_JOURNAL);
              assertThat(d.providerReference()).isEqualTo("INV-9-A1");
            });
  }

  @Test
  void reconcileRefreshesInFlightAttempts() {
    provider.script("11111111", new Script().with(s -> s.neverCompletes = true));
    PosClient client = clientBuilder().paymentDeadline(Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> client.pay(sale("INV-10", 100)))
        .isInstanceOf(OutcomeUnknownException.class);
    provider.complete("INV-10-A1", IntentResult.DECLINED);

    ReconciliationReport report =
        client.reconcile(
            Period.of(clock.instant().minusSeconds(3600), clock.instant().plusSeconds(1)));

    assertThat(report.isClean()).isTrue();
    assertThat(journal.latest("INV-10-A1").get().phase()).isEqualTo(JournalPhase.SETTLED);
  }
}
