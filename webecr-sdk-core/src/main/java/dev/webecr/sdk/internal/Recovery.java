package dev.webecr.sdk.internal;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link PosClient#recover()} run. Attempts are grouped by terminal: each terminal's lane is
 * taken once and all its attempts are asked about together, so one stuck attempt never starves the
 * others. The outcome of each is read from the journal afterwards, never guessed from an exception.
 * An attempt still in doubt gets a full payment deadline on its first recovery and a single look on
 * later ones, at growing intervals (back-off), so a stuck one costs little.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  /** Runs after which an attempt is reported as needing a person. */
  static final int ATTENTION_AFTER_RUNS = 3;

  private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
  private static final Duration MAX_BACKOFF = Duration.ofHours(6);

  private final ClientContext ctx;
  private final IntentJournal journal;
  private final TerminalLanes lanes;
  private final RememberedTerminals terminals;
  private final Clock clock;
  private final Duration paymentDeadline;
  private final String providerId;

  /** False where lookups are local: then an answer that arrived is taken at the next run. */
  private final boolean backsOff;

  Recovery(ClientContext ctx, TerminalLanes lanes, RememberedTerminals terminals) {
    this.ctx = ctx;
    this.journal = ctx.journal;
    this.lanes = lanes;
    this.terminals = terminals;
    this.clock = ctx.clock;
    this.paymentDeadline = ctx.paymentDeadline;
    this.providerId = ctx.provider.id();
    this.backsOff = !ctx.provider.capabilities().contains(Capability.LOCAL_LOOKUPS);
  }

  /** Resumes what is in flight, then has {@code watch} look at what is due of its attempts. */
  RecoveryReport run(DuplicateWatch watch) {
    Instant start = clock.instant();
    RecoveryReport.Builder report = RecoveryReport.builder();
    Map<String, List<JournalEntry>> byTerminal = new LinkedHashMap<>();
    for (JournalEntry e : journal.inFlight()) {
      if (!e.terminal().providerId().equals(providerId)) {
        continue;
      }
      if (e.nextRecoveryAt().isPresent() && e.nextRecoveryAt().get().isAfter(start) && backsOff) {
        inDoubt(report, e); // backing off: not asked this run
        continue;
      }
      byTerminal.computeIfAbsent(e.terminal().callId(), k -> new ArrayList<>()).add(e);
    }
    Map<JournalEntry, CompletableFuture<PaymentIntent>> runs = new LinkedHashMap<>();
    Map<JournalEntry, AtomicBoolean> answered = new LinkedHashMap<>();
    List<CompletableFuture<Void>> released = new ArrayList<>();
    for (List<JournalEntry> group : byTerminal.values()) {
      Terminal terminal = terminals.withKey(group.get(0).terminal());
      // This client's own payment on the terminal is waited for; another node's is left to it
      // (its attempts are recovered here once its lease has expired).
      CompletableFuture<Runnable> lane = lanes.acquire(terminal, paymentDeadline, Duration.ZERO);
      List<CompletableFuture<PaymentIntent>> all = new ArrayList<>();
      for (JournalEntry e : group) {
        Duration budget = e.recoveryRuns() == 0 ? paymentDeadline : Duration.ZERO;
        AtomicBoolean asked = new AtomicBoolean();
        answered.put(e, asked);
        CompletableFuture<PaymentIntent> run =
            lane.thenCompose(release -> PaymentRun.resume(ctx, e, terminal, budget, asked));
        runs.put(e, run);
        all.add(run);
      }
      released.add(
          CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
              .handle((v, error) -> null)
              .thenCombine(lane, (v, release) -> release)
              .thenAccept(Runnable::run));
    }
    runs.forEach((e, run) -> collect(report, e, run, answered.get(e)));
    // the terminals are free when recover() returns: a payment right after it must not find
    // its terminal still held by a recovery that has ended
    CompletableFuture.allOf(released.toArray(new CompletableFuture<?>[0]))
        .handle((v, error) -> null)
        .join();
    report.addAllDiscrepancies(watch.run().join());
    return report.build();
  }

  /**
   * Reads the attempt's outcome from the journal. It backs off only when the provider answered a
   * read of this run: a read outage, a lane or lease not taken (a busy terminal, an unreachable
   * database) asked nothing, and the attempt is asked again at the next run.
   */
  private void collect(
      RecoveryReport.Builder report,
      JournalEntry e,
      CompletableFuture<PaymentIntent> run,
      AtomicBoolean answered) {
    PaymentIntent settled = null;
    try {
      settled = run.get();
    } catch (ExecutionException ex) {
      log.debug("recovery of {} ended with {}", e.providerReference(), ex.getCause().toString());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    boolean asked = answered.get();
    JournalEntry now = journal.latest(e.providerReference()).orElse(e);
    if (now.phase().isNotSent()) {
      report.addNotSent(e.providerReference());
      ctx.observer.recovered(providerId, "not_sent");
    } else if (now.phase() == JournalPhase.SETTLED) {
      if (settled != null) {
        report.addSettled(settled);
      }
      boolean approved = now.resultCode().equals(Optional.of(IntentResult.APPROVED.code()));
      ctx.observer.recovered(providerId, approved ? "approved" : "declined");
    } else {
      ctx.observer.recovered(providerId, "still_unknown");
      if (asked) {
        backOff(now);
      }
      inDoubt(report, journal.latest(e.providerReference()).orElse(now));
    }
  }

  private void inDoubt(RecoveryReport.Builder report, JournalEntry e) {
    report.addInDoubt(e.providerReference());
    if (e.recoveryRuns() >= ATTENTION_AFTER_RUNS) {
      report.addNeedsAttention(e.providerReference());
    }
  }

  private void backOff(JournalEntry e) {
    int runs = e.recoveryRuns() + 1;
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(runs - 1, 16));
    if (wait.compareTo(MAX_BACKOFF) > 0) {
      wait = MAX_BACKOFF;
    }
    Instant now = clock.instant();
    try {
      journal.record(
          JournalEntry.builder()
              .from(e)
              .recoveryRuns(runs)
              .nextRecoveryAt(now.plus(wait))
              .recordedAt(now)
              .build());
    } catch (RuntimeException ex) {
      log.warn("could not journal the recovery back-off of {}", e.providerReference(), ex);
    }
  }

  /** See {@link PosClient#resolveManually}. */
  static void resolveManually(
      IntentJournal journal,
      Clock clock,
      String providerReference,
      IntentResult outcome,
      String who,
      String why) {
    JournalEntry e =
        journal
            .latest(providerReference)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "providerReference", "no such attempt in the journal"));
    if (!e.phase().isInFlight()) {
      throw new InvalidRequestException(
          "providerReference",
          "attempt " + providerReference + " is not in doubt (" + e.phase() + ")");
    }
    journal.record(
        JournalEntry.builder()
            .from(e)
            .phase(JournalPhase.SETTLED)
            .statusCode(IntentStatus.COMPLETED.code())
            .resultCode(outcome.code())
            .resolvedBy(who)
            .resolution(why)
            .recordedAt(clock.instant())
            .build());
  }
}
