package dev.webecr.sdk.internal;

import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.DuplicatePolicy;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks again for the attempts called not sent after lookups ({@link JournalPhase#NOT_FOUND}): no
 * rule bounds how late a backend commits, so each is asked about on a spaced schedule (10 minutes
 * after its send, then at doubling intervals) until its horizon. What turns up is journaled; an
 * approval is told to the ERP's listener, and one that charged a reference the ERP was told was
 * paid by another attempt is given back ({@link DuplicatePolicy#AUTO_REVERSE}). A lone late
 * approval is reported, not reversed: paying the reference again returns it, and whether the ERP
 * took the money another way only the ERP knows.
 *
 * <p>Runs on the client's scheduler, armed for the earliest due look of the watched attempts the
 * journal holds (every node's, with a shared journal), and from {@link PosClient#recover()}. The
 * cost is bounded: one read per watched attempt per slot, about nine in a 24-hour horizon.
 */
final class DuplicateWatch {
  private static final Logger log = LoggerFactory.getLogger(DuplicateWatch.class);

  private final PosProvider provider;
  private final IntentJournal journal;
  private final RememberedTerminals terminals;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Executor executor;
  private final WatchSchedule schedule;
  private final DuplicatePolicy policy;
  private final Function<PaymentRequest, CompletableFuture<PaymentIntent>> pay;
  private final Consumer<Discrepancy> listener;

  /** Duplicates whose reversal could not start (a busy terminal), by provider reference. */
  private final Map<String, Discrepancy> owed = new ConcurrentHashMap<>();

  private final Map<String, Integer> owedTries = new ConcurrentHashMap<>();
  private static final int MAX_TRIES = 10;

  private ScheduledFuture<?> armed;
  private Instant armedFor;
  private boolean closed;

  DuplicateWatch(
      EngineConfig config,
      RememberedTerminals terminals,
      Function<PaymentRequest, CompletableFuture<PaymentIntent>> pay) {
    this.provider = config.provider();
    this.journal = config.journal();
    this.clock = config.clock();
    this.scheduler = config.scheduler();
    this.executor = config.executor();
    this.terminals = terminals;
    this.schedule = new WatchSchedule(config.duplicateWatch());
    this.policy = config.duplicates();
    this.pay = pay;
    this.listener = config.discrepancyListener();
  }

  /** Arms the watch for the earliest look due among the watched attempts; cheap to call often. */
  void wake() {
    if (!schedule.isOn()) {
      return;
    }
    Instant next = null;
    for (JournalEntry e : watched()) {
      Instant due = schedule.next(e);
      if (due != null && (next == null || due.isBefore(next))) {
        next = due;
      }
    }
    arm(next);
  }

  private synchronized void arm(Instant next) {
    if (closed || next == null || (armedFor != null && !next.isBefore(armedFor))) {
      return;
    }
    if (armed != null) {
      armed.cancel(false);
    }
    armedFor = next;
    long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
    armed = scheduler.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    synchronized (this) {
      armed = null;
      armedFor = null;
      if (closed) {
        return;
      }
    }
    executor.execute(
        () ->
            run()
                .whenComplete(
                    (found, error) -> {
                      if (error != null) {
                        log.warn("the duplicate watch failed; it looks again later", error);
                      }
                      wake();
                    }));
  }

  /** Stops the scheduled looks. */
  synchronized void close() {
    closed = true;
    if (armed != null) {
      armed.cancel(false);
    }
  }

  /**
   * One look at every watched attempt whose slot is due, each told to the listener; completes when
   * the reversals it started have an outcome (or a problem).
   */
  CompletableFuture<List<Discrepancy>> run() {
    List<Discrepancy> found = new ArrayList<>();
    Instant now = clock.instant();
    List<JournalEntry> watched = watched();
    schedule.retain(
        watched.stream()
            .map(JournalEntry::providerReference)
            .collect(java.util.stream.Collectors.toSet()));
    for (JournalEntry e : watched) {
      int due = schedule.due(e, now);
      if (due > 0) {
        contextOf(e)
            .around(
                () -> {
                  try {
                    look(e).ifPresent(found::add);
                    schedule.looked(e, due);
                  } catch (RuntimeException ex) {
                    // asked nothing (a read outage, a journal refusal): asked again a little later
                    schedule.failed(e, now);
                    log.info(
                        "the duplicate watch could not look at {}: {}",
                        e.providerReference(),
                        ex.toString());
                  }
                })
            .run();
      }
    }
    for (Discrepancy d : new ArrayList<>(owed.values())) {
      if (found.stream().noneMatch(f -> f.providerReference().equals(d.providerReference()))) {
        found.add(Discrepancy.builder().from(d).reversalProblem(Optional.empty()).build());
      }
    }
    // one reversal at a time: they share terminals, and each waits for its terminal
    CompletableFuture<List<Discrepancy>> chain =
        CompletableFuture.completedFuture(new ArrayList<>());
    for (Discrepancy d : found) {
      chain = chain.thenCompose(out -> settle(d).thenApply(r -> add(out, r)));
    }
    return chain;
  }

  private static List<Discrepancy> add(List<Discrepancy> out, Discrepancy d) {
    if (d != null) {
      out.add(d);
    }
    return out;
  }

  /**
   * Gives {@code d} back where the policy says so, and tells the listener; null while a reversal
   * that could not start (its terminal stayed busy) is owed, to be tried at the next run.
   */
  private CompletableFuture<Discrepancy> settle(Discrepancy d) {
    if (d.kind() != Discrepancy.Kind.DUPLICATE_APPROVAL || policy != DuplicatePolicy.AUTO_REVERSE) {
      tell(d);
      return CompletableFuture.completedFuture(d);
    }
    String intentId = d.intent().orElseThrow().id();
    return Reversals.reverse(d, journal, pay)
        .thenApply(
            r -> {
              int tries = owedTries.merge(d.providerReference(), 1, Integer::sum);
              // a reversal that could not start or came back BUSY is tried again a minute later
              boolean again =
                  ReversalReferences.mayTryAgain(journal, intentId)
                      && !Reversals.leftToAPerson(d.intent().get(), journal);
              if (r.reversalProblem().isPresent() && again && tries < MAX_TRIES) {
                owed.put(d.providerReference(), d);
                wakeSoon();
                return null;
              }
              owed.remove(d.providerReference());
              owedTries.remove(d.providerReference());
              tell(r);
              return r;
            });
  }

  /** Arms the watch a minute from now, for reversals owed. */
  private void wakeSoon() {
    arm(clock.instant().plus(Duration.ofMinutes(1)));
  }

  private List<JournalEntry> watched() {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : journal.watched(schedule.oldestWatched(clock.instant()))) {
      boolean givenBack =
          e.intentId().map(id -> ReversalReferences.started(journal, id)).orElse(false);
      if (e.terminal().providerId().equals(provider.id()) && !givenBack) {
        out.add(e);
      }
    }
    return out;
  }

  /** Asks the provider about {@code e}; what an approval found calls for, if any. */
  private Optional<Discrepancy> look(JournalEntry e) {
    Optional<PaymentIntent> reported =
        provider.findAttempt(
            terminals.withKey(e.terminal()), AttemptLookups.of(journal, e, Optional.empty()));
    if (reported.isEmpty()) {
      return Optional.empty();
    }
    PaymentIntent found =
        PaymentIntent.builder()
            .from(reported.get())
            .providerReference(e.providerReference())
            .kind(e.kind())
            .build();
    // the phase stays NOT_FOUND: it is what the ERP was told
    JournalUpdate.next(e, JournalPhase.NOT_FOUND, found, clock.instant())
        .ifPresent(journal::record);
    if (!found.isApproved()) {
      return Optional.empty();
    }
    log.warn(
        "attempt {} was called not sent but the provider approved it (intent {})",
        e.providerReference(),
        found.id());
    Optional<JournalEntry> told =
        journal.attempts(e.reference()).stream()
            .filter(a -> a.phase() == JournalPhase.SETTLED)
            .filter(a -> a.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))
            .findFirst();
    if (told.isEmpty()) {
      return Optional.of(DuplicateApprovals.lateApproval(e.providerReference(), found));
    }
    Discrepancy duplicate = DuplicateApprovals.foundLate(e.providerReference(), told.get(), found);
    return Optional.of(duplicate);
  }

  private void tell(Discrepancy d) {
    Runnable telling =
        () -> {
          try {
            listener.accept(d);
          } catch (RuntimeException ex) {
            log.warn("the discrepancy listener failed for {}", d.providerReference(), ex);
          }
        };
    Optional<JournalEntry> e = journal.latest(d.providerReference());
    (e.isPresent() ? contextOf(e.get()).around(telling) : telling).run();
  }

  /** The log context of a watched attempt: its lines name it, as a payment's do. */
  private LogContext contextOf(JournalEntry e) {
    return LogContext.of(
        provider.id(), e.terminal(), e.reference(), e.providerReference(), PaymentObservation.NONE);
  }
}
