package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.testkit.InjectedFault;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every fake terminal profile end to end: PosClient, Mellon provider, fake WebECR server. */
class MellonProfilesTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
  private final FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();
  private final PosProvider mellon =
      MellonProvider.create(
          server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(), clock);
  private final TestSigner signer = new TestSigner(clock);
  private final PosClient client =
      PosClient.builder()
          .provider(mellon)
          .journal(Journals.inMemory())
          .signer(signer)
          .clock(clock)
          .scheduler(new VirtualTimeScheduler(clock))
          .executor(Runnable::run)
          .build();

  @AfterEach
  void stop() {
    client.close();
    mellon.close();
    server.close();
  }

  private Terminal terminal(TerminalProfile profile) {
    String tid = FakeTerminals.tidOf(profile);
    return client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).stream()
        .filter(t -> t.tid().equals(tid))
        .findFirst()
        .orElseThrow();
  }

  /** A client with a journal of its own and another deadline, on the same provider and clock. */
  private PosClient anotherClient(Duration deadline) {
    return PosClient.builder()
        .provider(mellon)
        .journal(Journals.inMemory())
        .signer(signer)
        .clock(clock)
        .scheduler(new VirtualTimeScheduler(clock))
        .executor(Runnable::run)
        .paymentDeadline(deadline)
        .build();
  }

  private PaymentIntent pay(Terminal t, long cents, String reference) {
    return client.pay(
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(cents))
            .reference(reference)
            .build());
  }

  @ParameterizedTest
  @CsvSource({
    "APPROVE, 1000, APPROVED, 3",
    "DECLINE, 1000, DECLINED, 3",
    "CANCEL, 1000, CANCELLED, 3",
    "FAIL, 1000, FAILED, 3",
    "BUSY, 1000, BUSY, 1",
    "SLOW, 1000, APPROVED, 150",
    "LATE, 1000, APPROVED, 3",
    "APPROVE, 999, DECLINED, 3",
    "APPROVE, 2222, APPROVED, 150",
    "APPROVE, 1095, MAX_TRANSACTIONS, 1",
  })
  void profileEndsAsTheTableSays(
      TerminalProfile profile, long cents, IntentResult expected, long seconds) {
    Instant start = clock.instant();

    PaymentIntent outcome = pay(terminal(profile), cents, "P-" + profile + "-" + cents);

    assertThat(outcome.result()).contains(expected);
    assertThat(Duration.between(start, clock.instant()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(seconds));
    assertThat(server.fake().creates()).isEqualTo(1);
    assertThat(signer.outcomes())
        .containsValue(
            expected == IntentResult.APPROVED ? SignatureOutcome.USED : SignatureOutcome.CANCELLED);
  }

  @Test
  void noAnswerStaysInDoubtUntilTheDeadline() {
    assertThatThrownBy(() -> pay(terminal(TerminalProfile.NO_ANSWER), 1000, "P-NOANSWER"))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e ->
                assertThat(e.lastKnown())
                    .get()
                    .extracting(i -> i.result().orElseThrow())
                    .isEqualTo(IntentResult.UNKNOWN));
    assertThat(signer.outcomes()).isEmpty();
  }

  @Test
  void
      aTerminalThatFinishedWithUnknownIsAskedTwoMinutesMoreThenCalledInDoubtNotHeldToTheDeadline() {
    Terminal t = terminal(TerminalProfile.NO_ANSWER); // UNKNOWN from 180 s on, for good
    Instant start = clock.instant();
    try (PosClient patient = anotherClient(Duration.ofMinutes(15))) {
      assertThatThrownBy(
              () ->
                  patient.pay(
                      PaymentRequest.builder()
                          .terminal(t)
                          .amount(Money.euroCents(1000))
                          .reference("P-UNKNOWN-LONG")
                          .build()))
          .isInstanceOf(OutcomeUnknownException.class);
    }
    Duration waited = Duration.between(start, clock.instant());
    assertThat(waited).isBetween(Duration.ofSeconds(300), Duration.ofSeconds(320));
    assertThat(signer.outcomes())
        .isEmpty(); // in doubt: the signature is neither used nor cancelled
  }

  @Test
  void aPaymentWhileAnotherRunsOnTheDeviceIsBusy() {
    Terminal slow = terminal(TerminalProfile.SLOW);
    PosClient otherTill = anotherClient(Duration.ofSeconds(10));
    assertThatThrownBy(
            () ->
                otherTill.pay(
                    PaymentRequest.builder()
                        .terminal(slow)
                        .amount(Money.euroCents(100))
                        .reference("P-FIRST")
                        .build()))
        .isInstanceOf(OutcomeUnknownException.class);

    assertThat(pay(slow, 200, "P-SECOND").result()).contains(IntentResult.BUSY);
  }

  @Test
  void aCreateWhoseAnswerIsLostEndsWithExactlyOneIntentAndTheClientKnowsIt() {
    server.inject(Endpoint.TXNINIT, InjectedFault.resetAfterProcessing());

    PaymentIntent paid = pay(terminal(TerminalProfile.APPROVE), 2480, "P-LOST");

    assertThat(paid.isApproved()).isTrue();
    assertThat(server.requestCount(Endpoint.TXNINIT)).isEqualTo(1);
    assertThat(server.fake().intentsUnder("P-LOST-A1")).isEqualTo(1);
    assertThat(server.fake().creates()).isEqualTo(1);
  }

  @Test
  void aCreateLostBeforeProcessingIsDeclaredNotSentThenPaidOnce() {
    Terminal t = terminal(TerminalProfile.APPROVE);
    server.inject(Endpoint.TXNINIT, InjectedFault.resetBeforeProcessing());

    assertThatThrownBy(() -> pay(t, 2480, "P-NEVER"))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse());
    assertThat(server.fake().creates()).isZero();

    PaymentIntent paid = pay(t, 2480, "P-NEVER");
    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.providerReference()).isEqualTo("P-NEVER-A2");
    assertThat(server.fake().creates()).isEqualTo(1);
  }

  @Test
  void faultsOnReadsAreRetriedTransparently() {
    Terminal t = terminal(TerminalProfile.APPROVE);
    server.inject(Endpoint.INTENT, InjectedFault.status(503, 2));
    server.inject(Endpoint.INTENT, InjectedFault.malformedBody());
    server.inject(Endpoint.TRANSACTIONS, InjectedFault.resetBeforeProcessing());

    assertThat(pay(t, 700, "P-READS").isApproved()).isTrue();
    assertThat(server.fake().creates()).isEqualTo(1);
  }
}
