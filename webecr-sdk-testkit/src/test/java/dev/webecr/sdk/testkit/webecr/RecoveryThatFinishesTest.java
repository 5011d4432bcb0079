package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.testkit.InjectedFault;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * recover() always finishes: stuck attempts cost little, never starve others, and a person can
 * close them.
 */
class RecoveryThatFinishesTest {
  // Without the lookup before the first attempt: this class is about recovery, and that read would
  // take the faults meant for the lookups after a lost create (LookupBeforeFirstAttemptTest has
  // it).
  private final StrictFake f =
      new StrictFake(
          Journals.inMemory(),
          b -> b.paymentDeadline(Duration.ofSeconds(10)).lookupBeforeFirstAttempt(false));

  @AfterEach
  void stop() {
    f.close();
  }

  /** A payment the terminal never answers (UNKNOWN, no card transaction): in doubt. */
  private String stuck(Terminal t, String reference) {
    assertThatThrownBy(() -> f.pay(t, 1096, reference)).isInstanceOf(OutcomeUnknownException.class);
    f.advance(Duration.ofSeconds(181)); // the terminal gives up: COMPLETED, result UNKNOWN
    return reference + "-A1";
  }

  private long requests() {
    return f.server.requestCount();
  }

  @Test
  void aStuckAttemptCostsOneLookPerRunWithBackOffThenAsksForAPerson() {
    String ref = stuck(f.terminal(TerminalProfile.APPROVE), "INV-STUCK");

    RecoveryReport first = f.client.recover();
    long before = requests();
    RecoveryReport backingOff = f.client.recover();
    long duringBackOff = requests() - before;
    f.advance(Duration.ofMinutes(1));
    before = requests();
    f.client.recover();
    long oneLook = requests() - before;
    f.advance(Duration.ofMinutes(2));
    RecoveryReport third = f.client.recover();

    assertThat(first.inDoubt()).containsExactly(ref);
    assertThat(backingOff.inDoubt()).containsExactly(ref);
    assertThat(duringBackOff).isZero();
    assertThat(oneLook).isBetween(1L, 2L); // the intent, and its card transaction
    assertThat(third.needsAttention()).containsExactly(ref);
  }

  @Test
  void aPersonClosesAStuckAttemptWithWhatTheSlipShowsAndTheJournalKeepsWhoAndWhy() {
    String ref = stuck(f.terminal(TerminalProfile.APPROVE), "INV-SLIP");

    f.client.resolveManually(ref, IntentResult.DECLINED, "cashier 7", "slip says DECLINED 05");
    RecoveryReport after = f.client.recover();

    JournalEntry e = f.journal.latest(ref).orElseThrow();
    assertThat(e.phase()).isEqualTo(JournalPhase.SETTLED);
    assertThat(e.resultCode()).contains(IntentResult.DECLINED.code());
    assertThat(e.resolvedBy()).contains("cashier 7");
    assertThat(e.resolution()).contains("slip says DECLINED 05");
    assertThat(after.inDoubt()).isEmpty();
    assertThatThrownBy(() -> f.client.resolveManually(ref, IntentResult.APPROVED, "x", "y"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            ex -> assertThat(ex.field()).isEqualTo("providerReference"));
  }

  @Test
  void stuckAttemptsDoNotStarveAnotherOnTheSameTerminal() throws InterruptedException {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    String a = stuck(t, "INV-S1");
    String b = stuck(t, "INV-S2");
    f.server.inject(Endpoint.TXNINIT, InjectedFault.resetAfterProcessing());
    for (int i = 0; i < 60; i++) {
      f.server.inject(Endpoint.INTENTS, InjectedFault.status(500, null));
    }
    assertThatThrownBy(() -> f.pay(t, 1200, "INV-S3")).isInstanceOf(OutcomeUnknownException.class);
    f.server.clearFaults();
    f.advance(Duration.ofSeconds(10));
    VirtualTimeScheduler stepped = VirtualTimeScheduler.stepped(f.clock);
    PosClient patient =
        PosClient.builder()
            .provider(f.mellon)
            .journal(f.journal)
            .signer(f.signer)
            .clock(f.clock)
            .scheduler(stepped)
            .executor(Runnable::run)
            .terminalDirectory((p, id) -> java.util.Optional.of(t))
            .build();
    Instant start = f.clock.instant();

    CompletableFuture<RecoveryReport> running = CompletableFuture.supplyAsync(patient::recover);
    stepped.runUntil(() -> stepped.queued() >= 2, running::isDone);
    RecoveryReport report = running.join();

    assertThat(report.notSent()).isEmpty();
    assertThat(report.settled())
        .extracting(i -> i.providerReference())
        .containsExactly("INV-S3-A1");
    assertThat(report.inDoubt()).containsExactlyInAnyOrder(a, b);
    assertThat(Duration.between(start, f.clock.instant()))
        .isLessThanOrEqualTo(
            Duration.ofSeconds(301)); // one payment deadline for the whole terminal, not one each
  }
}
