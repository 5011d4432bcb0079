package dev.webecr.sdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.NextStep;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every provider owes {@link PosClient}, as a JUnit 5 suite a provider runs against
 * itself: pair (or list its terminals directly), sale approved and declined, refund, void (or its
 * refusal before anything is sent), BUSY, MAX_TRANSACTIONS, unknown then recovered, the intents of
 * a period.
 *
 * <pre>{@code
 * class MyProviderContractTest extends ProviderContractTest {
 *   protected PosProvider createProvider(TestClock clock) { return new MyProvider(fakeOf(clock)); }
 * }
 * }</pre>
 *
 * <p>By default the provider's terminals behave as {@link FakeTerminals} says (TIDs and amounts),
 * on the clock handed in; a provider with terminals of its own overrides {@link #terminal} and the
 * amount hooks, and a profile its terminals cannot play aborts the tests that need it (reported as
 * skipped, with the reason). Time is virtual: no test waits.
 */
public abstract class ProviderContractTest {
  /** The clock every test runs on. */
  protected final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));

  /** The signer, for providers that need signatures. */
  protected final TestSigner signer = new TestSigner(clock);

  private PosProvider provider;
  private PosClient client;

  /** The provider under test, on {@code clock}. Called before each test. */
  protected abstract PosProvider createProvider(TestClock clock);

  /** Releases what {@link #createProvider} started. */
  protected void releaseProvider() {}

  /** The redeem code that pairs the provider's test terminals. */
  protected String redeemCode() {
    return FakeTerminals.REDEEM_CODE;
  }

  @BeforeEach
  final void startClient() {
    provider = createProvider(clock);
    client =
        PosClient.builder()
            .provider(provider)
            .journal(Journals.inMemory())
            .signer(signer)
            .clock(clock)
            .scheduler(new VirtualTimeScheduler(clock))
            .executor(Runnable::run)
            .paymentDeadline(Duration.ofSeconds(300))
            .build();
  }

  @AfterEach
  final void stopClient() {
    client.close();
    provider.close();
    releaseProvider();
  }

  /** The client under test. */
  protected final PosClient client() {
    return client;
  }

  /**
   * The terminal that plays {@code profile}: by default the paired one with {@link FakeTerminals}'
   * TID. A provider whose test terminals differ maps them here, and calls {@link
   * org.junit.jupiter.api.Assumptions#abort(String)} for a profile it has none for.
   */
  protected Terminal terminal(TerminalProfile profile) {
    String tid = FakeTerminals.tidOf(profile);
    ApiKey key = client.pair(redeemCode());
    return client.terminals(key).stream()
        .filter(t -> t.tid().equals(tid))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no terminal " + tid + " for " + profile));
  }

  private PaymentIntent pay(Terminal t, long cents, String reference) {
    return client.pay(
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(cents))
            .reference(reference)
            .build());
  }

  /** An amount the approving terminal declines; empty when the provider has none. */
  protected java.util.OptionalLong decliningAmount() {
    return java.util.OptionalLong.of(999);
  }

  /** An amount the approving terminal cancels; empty when the provider has none. */
  protected java.util.OptionalLong cancellingAmount() {
    return java.util.OptionalLong.of(1092);
  }

  /**
   * A deadline the {@link TerminalProfile#SLOW} terminal outlasts, with what the provider does at a
   * deadline (an abort and its grace) included; default 60 s.
   */
  protected Duration deadlineTheSlowTerminalOutlasts() {
    return Duration.ofSeconds(60);
  }

  @Test
  void pairingListsTerminalsWithTidAndCallIdApart() {
    if (!provider.capabilities().contains(Capability.REDEEM)) {
      // no pairing: it is refused before anything is sent, and the terminals are listed directly
      assertThatThrownBy(() -> client.pair(redeemCode()))
          .isInstanceOf(dev.webecr.sdk.UnsupportedCapabilityException.class);
      assertThat(client.directTerminals())
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.tid()).isNotBlank());
      return;
    }
    ApiKey key = client.pair(redeemCode());
    List<Terminal> terminals = client.terminals(key);

    assertThat(terminals).extracting(Terminal::tid).contains(FakeTerminals.APPROVING_TID);
    assertThat(terminals)
        .allSatisfy(
            t -> {
              assertThat(t.apiKey()).contains(key);
              assertThat(t.callId()).isNotEqualTo(t.tid());
            });
  }

  @Test
  void saleIsApprovedWithCardData() {
    PaymentIntent paid = pay(terminal(TerminalProfile.APPROVE), 2480, "C-SALE");

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.amount()).isEqualTo(Money.euroCents(2480));
    assertThat(paid.rrn()).isPresent();
    assertThat(paid.authorisationCode()).isPresent();
    assertThat(paid.providerRecord()).isPresent();
  }

  @Test
  void saleIsDeclinedAsAnOutcome() {
    PaymentIntent declined = pay(terminal(TerminalProfile.DECLINE), 1000, "C-DECL");

    assertThat(declined.result()).contains(IntentResult.DECLINED);
    assertThat(declined.nextStep()).isEqualTo(NextStep.NONE);
  }

  @Test
  void amountOverridesTheTerminalsProfile() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        decliningAmount().isPresent() || cancellingAmount().isPresent(),
        "the provider's terminals decide by amount in no case");
    if (decliningAmount().isPresent()) {
      long cents = decliningAmount().getAsLong();
      assertThat(pay(terminal(TerminalProfile.APPROVE), cents, "C-DA").result())
          .contains(IntentResult.DECLINED);
    }
    if (cancellingAmount().isPresent()) {
      long cents = cancellingAmount().getAsLong();
      assertThat(pay(terminal(TerminalProfile.APPROVE), cents, "C-CA").result())
          .contains(IntentResult.CANCELLED);
    }
  }

  @Test
  void approvedSaleCanBeRefunded() {
    Terminal t = terminal(TerminalProfile.APPROVE);
    PaymentIntent sale = pay(t, 5000, "C-R1");

    PaymentIntent refund = client.refund(sale, Money.euroCents(2000), "C-R1-CN");

    assertThat(refund.kind()).isEqualTo(TransactionType.REFUND);
    assertThat(refund.isApproved()).isTrue();
  }

  @Test
  void approvedSaleIsVoidedOrTheVoidRefusedBeforeAnythingIsSent() {
    Terminal t = terminal(TerminalProfile.APPROVE);
    PaymentIntent other = pay(t, 3000, "C-V1");

    if (!provider.capabilities().contains(Capability.VOID)) {
      assertThatThrownBy(() -> client.voidPayment(other, "C-V1-VOID"))
          .isInstanceOf(dev.webecr.sdk.UnsupportedCapabilityException.class);
      assertThat(client.recover().inDoubt()).isEmpty(); // nothing left behind, nothing sent
      return;
    }
    PaymentIntent voided = client.voidPayment(other, "C-V1-VOID");

    assertThat(voided.kind()).isEqualTo(TransactionType.VOID);
    assertThat(voided.isApproved()).isTrue();
  }

  @Test
  void busyTerminalIsReportedNotRetried() {
    PaymentIntent busy = pay(terminal(TerminalProfile.BUSY), 1000, "C-BUSY");

    assertThat(busy.result()).contains(IntentResult.BUSY);
    assertThat(busy.nextStep()).isEqualTo(NextStep.RETRY_LATER);
  }

  @Test
  void fullBatchSaysMaxTransactionsUntilClosed() {
    Terminal t = terminal(TerminalProfile.MAX_TRANSACTIONS);
    for (int i = 0; i < FakeTerminals.BATCH_LIMIT; i++) {
      assertThat(pay(t, 100 + i, "C-B" + i).isApproved()).isTrue();
    }

    PaymentIntent full = pay(t, 200, "C-FULL");

    assertThat(full.result()).contains(IntentResult.MAX_TRANSACTIONS);
    assertThat(full.nextStep()).isEqualTo(NextStep.CLOSE_BATCH_THEN_RETRY);
  }

  @Test
  void paymentInDoubtAtTheDeadlineIsRecoveredLater() {
    PosClient hurried =
        PosClient.builder()
            .provider(provider)
            .journal(Journals.inMemory())
            .signer(signer)
            .clock(clock)
            .scheduler(new VirtualTimeScheduler(clock))
            .executor(Runnable::run)
            .paymentDeadline(deadlineTheSlowTerminalOutlasts())
            .build();
    Terminal slow = terminal(TerminalProfile.SLOW);

    assertThatThrownBy(
            () ->
                hurried.pay(
                    PaymentRequest.builder()
                        .terminal(slow)
                        .amount(Money.euroCents(4000))
                        .reference("C-SLOW")
                        .build()))
        .isInstanceOf(OutcomeUnknownException.class);
    clock.advance(Duration.ofMinutes(2));
    RecoveryReport report = hurried.recover();

    assertThat(report.settled())
        .singleElement()
        .satisfies(i -> assertThat(i.isApproved()).isTrue());
  }

  @Test
  void intentsOfAPeriodAreListed() {
    Terminal t = terminal(TerminalProfile.APPROVE);
    Instant start = clock.instant();
    pay(t, 100, "C-L1");
    pay(t, 200, "C-L2");
    Instant end = clock.instant().plusSeconds(1);
    clock.advance(java.time.Duration.ofMinutes(1)); // a provider may list new intents after a lag

    List<PaymentIntent> listed = client.intents(t, Period.of(start, end));

    assertThat(listed).extracting(PaymentIntent::reference).contains("C-L1", "C-L2");
    assumeListsAreComplete(listed);
  }

  private void assumeListsAreComplete(List<PaymentIntent> listed) {
    if (provider.capabilities().contains(Capability.LIST_INTENTS)) {
      assertThat(listed).allSatisfy(i -> assertThat(i.terminal().callId()).isNotBlank());
    }
  }
}
