package dev.webecr.sdk.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.SignatureOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One payment, as a chain of steps on the client's executor with waits on its scheduler (no thread
 * is held between polls): first what the earlier attempts of its reference allow (return an
 * approval of the same document, resume one in flight, adopt one wrongly called unsent), then a new
 * attempt journaled before its create is sent once, then {@link AttemptWatch} until the outcome or
 * the deadline ({@link dev.webecr.sdk.OutcomeUnknownException}).
 */
public final class PaymentRun {
  private static final Logger log = LoggerFactory.getLogger(PaymentRun.class);

  private final ClientContext ctx;
  private final Terminal terminal;
  private final Instant deadline;
  private final CompletableFuture<PaymentIntent> result = new CompletableFuture<>();

  /** The attempt this run watches, once it has one (sent or resumed). */
  private AttemptWatch watch;

  /** The signing of a new attempt, once asked; the attempt owns it once {@link #sent}. */
  private SignerCalls signer;

  private ProviderSignature signature;
  private boolean sent;

  /** A cashier waits on this run: at its deadline a running attempt may be aborted. */
  private final boolean cashierWaits;

  /** The run as the client's observers follow it. */
  private final PaymentObservation observed;

  private PaymentRun(
      ClientContext ctx,
      Terminal terminal,
      Duration budget,
      boolean cashierWaits,
      PaymentObservation observed) {
    this.ctx = ctx;
    this.observed = observed;
    this.terminal = terminal;
    this.deadline = ctx.clock.instant().plus(budget);
    this.cashierWaits = cashierWaits;
  }

  /**
   * Runs a validated request whose terminal lane the caller holds; {@code observed} is told its
   * attempt and reads (its end is the caller's to tell).
   */
  public static CompletableFuture<PaymentIntent> pay(
      ClientContext ctx, PaymentRequest request, PaymentObservation observed) {
    // a preloaded payment waits on the POS until opened: its deadline runs from its expiry
    Duration budget =
        request.preloadExpiry().map(ctx.paymentDeadline::plus).orElse(ctx.paymentDeadline);
    PaymentRun run = new PaymentRun(ctx, request.terminal(), budget, true, observed);
    LogContext log =
        LogContext.of(ctx.provider.id(), request.terminal(), request.reference(), observed);
    NextRead.step(ctx, run.result, log.around(() -> run.begin(request)));
    return run.result;
  }

  /**
   * Resumes an attempt the journal holds in flight; {@code terminal} carries its API key. It polls
   * for {@code budget} at most (zero: one look).
   */
  public static CompletableFuture<PaymentIntent> resume(
      ClientContext ctx, JournalEntry entry, Terminal terminal, Duration budget) {
    return resume(ctx, entry, terminal, budget, new AtomicBoolean());
  }

  /**
   * {@link #resume(ClientContext, JournalEntry, Terminal, Duration)}, setting {@code answered} when
   * it ends if the provider answered any of its reads: a run whose every read failed asked nothing,
   * and recovery must not back off for it.
   */
  public static CompletableFuture<PaymentIntent> resume(
      ClientContext ctx,
      JournalEntry entry,
      Terminal terminal,
      Duration budget,
      AtomicBoolean answered) {
    PaymentObservation observed = ctx.observe(entry.kind(), entry.reference(), true);
    PaymentRun run = new PaymentRun(ctx, terminal, budget, false, observed);
    LogContext log =
        LogContext.of(
            ctx.provider.id(), terminal, entry.reference(), entry.providerReference(), observed);
    NextRead.step(ctx, run.result, log.around(() -> run.resumeLatest(entry)));
    return run.result.whenComplete(
        (v, e) -> {
          answered.set(run.watch != null && run.watch.answered());
          if (observed != PaymentObservation.NONE) {
            observed.end(Outcomes.of(v, e));
          }
        });
  }

  /**
   * Resumes from the journal as it is now: another run of this client may have settled the attempt
   * while this one waited for the terminal.
   */
  private void resumeLatest(JournalEntry seen) {
    JournalEntry now = ctx.journal.latest(seen.providerReference()).orElse(seen);
    if (now.phase() == JournalPhase.SETTLED && now.intentId().isPresent()) {
      result.complete(settledIntent(now));
    } else if (now.phase().isNotSent()) {
      result.completeExceptionally(
          new ConnectionException(
              "payment "
                  + now.providerReference()
                  + " is journaled as not sent (the provider refused it or did not have it when"
                  + " asked): pay again with the same reference, the SDK looks for it again first",
              false,
              now.providerReference(),
              null));
    } else {
      resume(now);
    }
  }

  private void begin(PaymentRequest request) {
    try {
      decide(request);
    } finally {
      if (!sent && signer != null) {
        // signed to compare documents, or refused before its create left: the signer may cancel
        signer.tell(SignatureOutcome.CANCELLED);
      }
    }
  }

  /**
   * What the earlier attempts of the reference allow: their approval, one in flight resumed, or a
   * new attempt sent.
   */
  private void decide(PaymentRequest request) {
    List<JournalEntry> attempts = ctx.journal.attempts(request.reference());
    if (attempts.isEmpty() && ProviderAttempts.apply(ctx, request.kind())) {
      attempts = ProviderAttempts.adopt(ctx, terminal, request); // another till's, adopted
    }
    PriorAttempts.requireSamePayment(attempts, request);
    int next = attempts.stream().mapToInt(JournalEntry::attempt).max().orElse(0) + 1;
    if (!attempts.isEmpty() && needsSignature(request)) {
      // The document behind a reference is known only from its signature: sign before any
      // earlier approval is returned, and use the signature only if a new attempt is sent.
      signer = SignerCalls.forAttempt(ctx.signer, request, next);
      signature = signer.sign(request);
      PriorAttempts.requireSameDocument(attempts, request.reference(), signature);
    }
    attempts = PriorAttempts.recheckNotSent(ctx, terminal, attempts);
    // the approval the ERP heard of first (a later one is a duplicate, given back by reconcile)
    Optional<JournalEntry> approved =
        attempts.stream()
            .filter(
                a ->
                    a.phase() == JournalPhase.SETTLED
                        && a.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))
            .min(java.util.Comparator.comparing(JournalEntry::recordedAt));
    if (approved.isPresent()) {
      log.debug(
          "{} is already approved: returning it, charging nothing",
          approved.get().providerReference());
      result.complete(settledIntent(approved.get()));
      return;
    }
    Optional<JournalEntry> open = attempts.stream().filter(a -> a.phase().isInFlight()).findFirst();
    if (open.isPresent()) {
      log.debug("{} is in flight: resuming it", open.get().providerReference());
      resume(open.get());
      return;
    }
    if (next > AttemptReference.MAX_ATTEMPTS) {
      throw new InvalidRequestException("reference", "too many attempts for this reference");
    }
    send(request, next);
  }

  /** The intent of an attempt the journal holds settled; a failed read is not "not sent". */
  private PaymentIntent settledIntent(JournalEntry settled) {
    Attempt read = Attempt.journaled(ctx, settled, SignerCalls.none());
    try {
      return read.normalised(
          ctx.provider.getAttempt(
              terminal, settled.intentId().map(read::read).orElseGet(read::lookup)));
    } catch (RuntimeException e) {
      throw new ConnectionException(
          "payment "
              + settled.providerReference()
              + " was settled "
              + "earlier (result "
              + settled.resultCode().map(IntentResult::fromCode).orElse(null)
              + ") but its details could not be read now: ask again",
          true,
          settled.providerReference(),
          e);
    }
  }

  private void send(PaymentRequest request, int attempt) {
    String providerReference = AttemptReference.format(request.reference(), attempt);
    if (signer == null) {
      signer = SignerCalls.forAttempt(ctx.signer, request, attempt);
    }
    if (signature == null && needsSignature(request)) {
      signature = signer.sign(request);
    }
    Instant now = ctx.clock.instant();
    JournalEntry entry =
        AttemptRecords.prepared(request, terminal, providerReference, signature, now);
    ctx.journal.record(entry);
    Duration wait = AttemptWatch.min(ctx.serverWait, AttemptWatch.remaining(ctx, deadline));
    boolean waiting = !wait.isZero() && ctx.waitSlots.tryAcquire();
    CreateIntentCommand command =
        AttemptRecords.command(
            request, terminal, providerReference, signature, waiting ? wait : Duration.ZERO);
    Attempt sending = Attempt.sent(ctx, entry, signer, signature, command.serverWait());
    watch = new AttemptWatch(ctx, terminal, sending, deadline, cashierWaits, result, observed);
    sent = true;
    PaymentIntent created;
    try {
      created = create(command, waiting);
    } catch (RuntimeException e) {
      CreateFailures.settle(e, watch, providerReference);
      return;
    }
    watch.onIntent(created);
  }

  private PaymentIntent create(CreateIntentCommand command, boolean waiting) {
    try {
      return ctx.provider.create(command);
    } finally {
      if (waiting) {
        ctx.waitSlots.release();
      }
    }
  }

  private boolean needsSignature(PaymentRequest request) {
    return !request.unsignedSeries() && needsSignature(request.kind());
  }

  private boolean needsSignature(TransactionType kind) {
    return kind != TransactionType.VOID
        && ctx.provider.capabilities().contains(Capability.SIGNATURE_REQUIRED);
  }

  private void resume(JournalEntry journaled) {
    SignerCalls calls =
        SignerCalls.forJournaled(
            ctx.signer,
            journaled,
            // an attempt of an unsigned series has no document hash: nothing to tell the signer
            needsSignature(journaled.kind()) && journaled.document().isPresent());
    watch =
        new AttemptWatch(
            ctx,
            terminal,
            Attempt.journaled(ctx, journaled, calls),
            deadline,
            cashierWaits,
            result,
            observed);
    if (journaled.phase() == JournalPhase.PREPARED || journaled.intentId().isEmpty()) {
      watch.resumedUnseen();
      watch.lookup();
    } else {
      watch.poll(journaled.intentId().get(), null);
    }
  }
}
