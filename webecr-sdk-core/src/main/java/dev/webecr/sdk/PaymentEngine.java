package dev.webecr.sdk;

import dev.webecr.sdk.internal.ClientContext;
import dev.webecr.sdk.internal.PaymentRun;
import dev.webecr.sdk.internal.TerminalLanes;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The payment engine behind one {@link PosClient}: the context its payments run in, the terminal
 * lanes, the remembered terminals, recovery, reconciliation and the duplicate watch. The client
 * checks arguments and delegates here.
 */
final class PaymentEngine {
  final PosProvider provider;
  final IntentJournal journal;
  final RememberedTerminals terminals;
  final Reconciler reconciler;
  private final ClientContext ctx;
  private final TerminalLanes lanes;
  private final DuplicateWatch watch;
  private final Clock clock;
  private final Duration terminalWait;
  private final Duration paymentDeadline;

  PaymentEngine(
      PosClientBuilder b,
      PosProvider provider,
      IntentJournal journal,
      ScheduledExecutorService scheduler,
      Executor executor) {
    this.provider = provider;
    this.journal = journal;
    this.terminals = new RememberedTerminals(b.terminalDirectory);
    this.clock = b.clock;
    this.terminalWait = b.terminalWait;
    this.paymentDeadline = b.paymentDeadline;
    this.ctx =
        new ClientContext(
            provider,
            journal,
            b.signer,
            terminals,
            b.clock,
            scheduler,
            executor,
            b.paymentDeadline,
            b.pollSchedule,
            b.serverWait,
            b.serverWaitSlots,
            b.lookupBeforeFirstAttempt);
    this.lanes = new TerminalLanes(scheduler, b.terminalLease);
    this.reconciler =
        new Reconciler(
            provider, journal, terminals, clock, b.duplicatesFor(provider), this::reversal);
    this.watch =
        new DuplicateWatch(b, provider, journal, terminals, scheduler, executor, this::reversal);
    ctx.onNotFound(watch::wake);
  }

  /** Arms the duplicate watch for what the journal holds. */
  void start() {
    watch.wake();
  }

  /** A checked payment, waiting for its terminal's lane as the client was configured to. */
  CompletableFuture<PaymentIntent> pay(PaymentRequest request) {
    return pay(request, terminalWait);
  }

  /**
   * A reversal of a duplicate. It does not wait for a terminal busy with a cashier's payment: the
   * watch tries it again a minute later, a reconciliation at its next run, so giving money back
   * never holds up the till.
   */
  private CompletableFuture<PaymentIntent> reversal(PaymentRequest request) {
    try {
      return pay(PaymentChecks.check(request, provider, terminals), terminalWait);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e); // refused before sending: a problem reported
    }
  }

  private CompletableFuture<PaymentIntent> pay(PaymentRequest checked, Duration laneWait) {
    OriginalChecks.check(checked, journal);
    return lanes
        .acquire(checked.terminal(), laneWait)
        .thenCompose(
            release -> PaymentRun.pay(ctx, checked).whenComplete((intent, error) -> release.run()));
  }

  /** See {@link PosClient#recover()}. */
  RecoveryReport recover() {
    return new Recovery(ctx, journal, lanes, terminals, clock, paymentDeadline, provider)
        .run(watch);
  }

  /** See {@link PosClient#resolveManually}. */
  void resolveManually(String providerReference, IntentResult outcome, String who, String why) {
    Recovery.resolveManually(journal, clock, providerReference, outcome, who, why);
  }

  /** Stops the duplicate watch. */
  void close() {
    watch.close();
  }
}
