package dev.webecr.sdk.internal;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.Health;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ReconciliationReport;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The payment engine behind one {@link PosClient}: it owns the context payments run in, the
 * terminal lanes, the remembered terminals, recovery, reconciliation and the duplicate watch. The
 * client checks its arguments and calls one method here per call of its own.
 */
public final class PaymentEngine {
  private final ClientContext ctx;

  /** Pay calls in progress (checked, until their outcome or error). */
  private final java.util.concurrent.atomic.AtomicInteger running =
      new java.util.concurrent.atomic.AtomicInteger();

  private final EngineConfig config;
  private final RememberedTerminals terminals;
  private final TerminalLanes lanes;
  private final Reconciler reconciler;
  private final DuplicateWatch watch;

  /** An engine for {@code config}; {@link #start()} arms its duplicate watch. */
  public PaymentEngine(EngineConfig config) {
    this.config = config;
    this.terminals = new RememberedTerminals(config.terminalDirectory());
    this.ctx = new ClientContext(config, terminals);
    this.lanes =
        new TerminalLanes(
            config.scheduler(),
            config.terminalLease(),
            cause -> ctx.observer.terminalBusy(ctx.provider.id(), cause));
    this.reconciler = new Reconciler(ctx, terminals, config.duplicates(), this::reversal);
    this.watch = new DuplicateWatch(config, terminals, this::reversal);
    ctx.onNotFound(watch::wake);
    if (ctx.observer != PaymentObserver.NONE) {
      config.provider().observe(ctx.observer);
      ctx.observer.bind(ctx.provider.id(), this::health);
    }
  }

  /** Arms the duplicate watch for what the journal holds. */
  public PaymentEngine start() {
    watch.wake();
    return this;
  }

  /** The provider the engine speaks to, as the builder was given it. */
  public PosProvider provider() {
    return config.provider();
  }

  /** See {@link PosClient#health()}. */
  public Health health() {
    Instant now = ctx.clock.instant();
    int inDoubt = 0;
    int attention = 0;
    Instant oldest = null;
    for (JournalEntry e : ctx.journal.inFlight()) {
      AttemptWatch following = ctx.watching.get(e.providerReference());
      if (following != null && following.running()) {
        continue; // a pay call here follows it (until its caller is told: then it is in doubt)
      }
      inDoubt++;
      attention += e.recoveryRuns() >= Recovery.ATTENTION_AFTER_RUNS ? 1 : 0;
      oldest = oldest == null || e.createdAt().isBefore(oldest) ? e.createdAt() : oldest;
    }
    Instant since = oldest;
    return Health.builder()
        .at(now)
        .running(running.get())
        .inDoubt(inDoubt)
        .needsAttention(attention)
        .oldestInDoubt(Optional.ofNullable(since).map(t -> Duration.between(t, now)))
        .lastProviderSuccess(ctx.observed.lastSuccess())
        .lastProviderFailure(ctx.observed.lastFailure())
        .build();
  }

  /** How many digits the client's redeem codes have. */
  public int redeemCodeLength() {
    return config.redeemCodeLength();
  }

  /** Trades a checked redeem code for an API key. */
  public ApiKey pair(String redeemCode) {
    requireCapability(Capability.REDEEM);
    return ctx.provider.redeem(redeemCode);
  }

  /** The terminals an API key reaches, remembered with their key. */
  public List<Terminal> terminals(ApiKey apiKey) {
    requireCapability(Capability.LIST_TERMINALS);
    return remembered(ctx.provider.terminals(apiKey));
  }

  /** The terminals the account owns itself (direct mode), remembered. */
  public List<Terminal> directTerminals() {
    requireCapability(Capability.DIRECT_MODE);
    return remembered(ctx.provider.directTerminals());
  }

  /** A payment: checked against the provider, then run on its terminal's lane. */
  public CompletableFuture<PaymentIntent> pay(PaymentRequest request) {
    return run(PaymentChecks.check(request, ctx.provider, terminals));
  }

  /** See {@link PosClient#refresh}. */
  public PaymentIntent refresh(PaymentIntent intent) {
    return reconciler.refresh(intent);
  }

  /** See {@link PosClient#intents}. */
  public List<PaymentIntent> intents(Terminal terminal, Period period) {
    requireCapability(Capability.LIST_INTENTS);
    return reconciler.intents(terminal, period);
  }

  /** See {@link PosClient#reconcile}. */
  public ReconciliationReport reconcile(Period period) {
    requireCapability(Capability.LIST_INTENTS);
    return reconciler.reconcile(period);
  }

  /** See {@link PosClient#recover()}. */
  public RecoveryReport recover() {
    return new Recovery(ctx, lanes, terminals).run(watch);
  }

  /** See {@link PosClient#resolveManually}; the arguments already checked. */
  public void resolveManually(
      String providerReference, IntentResult outcome, String who, String why) {
    Recovery.resolveManually(ctx.journal, ctx.clock, providerReference, outcome, who, why);
  }

  /** See {@link PosClient#readNow}. */
  public boolean readNow(String providerReference, String terminalCallId) {
    AttemptWatch watch = ctx.watching.get(providerReference);
    return watch != null && watch.terminal().callId().equals(terminalCallId) && watch.readNow();
  }

  /** See {@link PosClient#cancel}. */
  public boolean cancel(String reference) {
    requireCapability(Capability.ABORT);
    for (AttemptWatch watch : ctx.watching.values()) {
      if (watch.reference().equals(reference)) {
        watch.abortNow();
        return true;
      }
    }
    return false;
  }

  /** {@code call} on the engine's executor. */
  public <T> CompletableFuture<T> async(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, ctx.executor);
  }

  /** Stops the duplicate watch and closes what the builder created (provider, journal, pools). */
  public void close() {
    watch.close();
    for (AutoCloseable c : config.owned()) {
      try {
        c.close();
      } catch (Exception e) {
        // closing: nothing more to do
      }
    }
  }

  /**
   * A reversal of a duplicate, refused before sending rather than thrown: a terminal busy past the
   * client's terminal wait is tried again by the watch a minute later, by a reconciliation at its
   * next run.
   */
  private CompletableFuture<PaymentIntent> reversal(PaymentRequest request) {
    try {
      return run(PaymentChecks.check(request, ctx.provider, terminals))
          .whenComplete((intent, error) -> reversed(request, intent, error));
    } catch (RuntimeException e) {
      reversed(request, null, e);
      return CompletableFuture.failedFuture(e); // refused before sending: a problem reported
    }
  }

  /** Tells the observers how a reversal ended ({@code void_approved}, ...); nothing unobserved. */
  private void reversed(PaymentRequest request, PaymentIntent intent, Throwable error) {
    if (ctx.observer != PaymentObserver.NONE) {
      ctx.observer.duplicateReversed(
          ctx.provider.id(), Outcomes.operation(request.kind()) + "_" + Outcomes.of(intent, error));
    }
  }

  private CompletableFuture<PaymentIntent> run(PaymentRequest checked) {
    OriginalChecks.check(checked, ctx.journal);
    running.incrementAndGet();
    PaymentObservation observed = ctx.observe(checked.kind(), checked.reference(), false);
    return lanes
        .acquire(checked.terminal(), config.terminalWait())
        .thenCompose(
            release ->
                PaymentRun.pay(ctx, checked, observed)
                    .whenComplete((intent, error) -> release.run()))
        .whenComplete(
            (intent, error) -> {
              running.decrementAndGet();
              if (observed != PaymentObservation.NONE) {
                if (error == null && intent.result().equals(Optional.of(IntentResult.BUSY))) {
                  ctx.observer.terminalBusy(ctx.provider.id(), "terminal");
                }
                observed.end(Outcomes.of(intent, error));
              }
            });
  }

  private List<Terminal> remembered(List<Terminal> found) {
    found.forEach(terminals::remember);
    return found;
  }

  private void requireCapability(Capability capability) {
    PaymentChecks.requireCapability(ctx.provider, capability);
  }
}
