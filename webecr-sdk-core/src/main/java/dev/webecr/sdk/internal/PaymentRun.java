package dev.webecr.sdk.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.UnsupportedCapabilityException;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.spi.SigningRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One payment attempt from journal to outcome, as a chain of steps on the client's executor with
 * waits on its scheduler (no thread is held between polls).
 *
 * <p>The rules it keeps: journal before sending; send a create once; once a create may have
 * left, only the provider's own answer settles it (a failed read never makes it "not sent");
 * an unanswered create is looked up and declared never sent only when the provider, asked after
 * its settle time, still has nothing (a void never: it cannot be found by reference); anything
 * in doubt at the deadline stays in flight in the journal and fails with {@link
 * OutcomeUnknownException}.
 */
public final class PaymentRun {
  private static final Logger log = LoggerFactory.getLogger(PaymentRun.class);

  private final ClientContext ctx;
  private final Terminal terminal;
  private final Instant deadline;
  private final CompletableFuture<PaymentIntent> result = new CompletableFuture<>();
  private JournalEntry entry;
  private SignerCalls signer;
  private ProviderSignature signature;
  private Instant sentAt;
  private int polls;

  private PaymentRun(ClientContext ctx, Terminal terminal, Duration budget) {
    this.ctx = ctx;
    this.terminal = terminal;
    this.deadline = ctx.clock.instant().plus(budget);
  }

  /** Runs a validated request whose terminal lane the caller holds. */
  public static CompletableFuture<PaymentIntent> pay(ClientContext ctx, PaymentRequest request) {
    PaymentRun run = new PaymentRun(ctx, request.terminal(), ctx.paymentDeadline);
    run.step(() -> run.begin(request));
    return run.result;
  }

  /**
   * Resumes an attempt the journal holds in flight; {@code terminal} carries its API key. It
   * polls for {@code budget} at most (zero: one look).
   */
  public static CompletableFuture<PaymentIntent> resume(
      ClientContext ctx, JournalEntry entry, Terminal terminal, Duration budget) {
    PaymentRun run = new PaymentRun(ctx, terminal, budget);
    run.step(() -> run.resumeLatest(entry));
    return run.result;
  }

  /**
   * Resumes from the journal as it is now: another run of this client may have settled the
   * attempt while this one waited for the terminal.
   */
  private void resumeLatest(JournalEntry seen) {
    JournalEntry now = ctx.journal.latest(seen.providerReference()).orElse(seen);
    if (now.phase() == JournalPhase.SETTLED && now.intentId().isPresent()) {
      entry = now;
      result.complete(normalised(settledIntent(now)));
    } else if (now.phase() == JournalPhase.NOT_SENT) {
      result.completeExceptionally(new ConnectionException("payment " + now.providerReference()
          + " never reached the provider: nothing was charged", false, now.providerReference(),
          null));
    } else {
      resume(now);
    }
  }

  private void begin(PaymentRequest request) {
    List<JournalEntry> attempts = ctx.journal.attempts(request.reference());
    PriorAttempts.requireSamePayment(attempts, request);
    int next = attempts.stream().mapToInt(JournalEntry::attempt).max().orElse(0) + 1;
    if (!attempts.isEmpty() && needsSignature(request.kind())) {
      // The document behind a reference is known only from its signature: sign before any
      // earlier approval is returned, and use the signature only if a new attempt is sent.
      prepareSigning(request, next);
      signature = signer.sign(request);
      try {
        PriorAttempts.requireSameDocument(attempts, request.reference(), signature);
      } catch (RuntimeException e) {
        signer.tell(SignatureOutcome.CANCELLED);
        throw e;
      }
    }
    try {
      attempts = PriorAttempts.recheckNotSent(ctx, terminal, attempts);
    } catch (RuntimeException e) {
      unusedSignature();
      throw e;
    }
    Optional<JournalEntry> approved = attempts.stream()
        .filter(a -> a.phase() == JournalPhase.SETTLED
            && a.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))
        .findFirst();
    if (approved.isPresent()) {
      log.debug("{} is already approved: returning it, charging nothing",
          approved.get().providerReference());
      unusedSignature();
      entry = approved.get();
      result.complete(normalised(settledIntent(approved.get())));
      return;
    }
    Optional<JournalEntry> open = attempts.stream().filter(a -> a.phase().isInFlight()).findFirst();
    if (open.isPresent()) {
      log.debug("{} is in flight: resuming it", open.get().providerReference());
      unusedSignature();
      resume(open.get());
      return;
    }
    if (next > AttemptReference.MAX_ATTEMPTS) {
      unusedSignature();
      throw new InvalidRequestException("reference", "too many attempts for this reference");
    }
    send(request, next);
  }

  /** A signature taken to compare documents but not sent: the signer may cancel it. */
  private void unusedSignature() {
    if (signature != null) {
      signer.tell(SignatureOutcome.CANCELLED);
      signature = null;
    }
  }

  /** The intent of an attempt the journal holds settled; a failed read is not "not sent". */
  private PaymentIntent settledIntent(JournalEntry settled) {
    try {
      return ctx.provider.getAttempt(terminal, lookup(settled.intentId()));
    } catch (RuntimeException e) {
      throw new ConnectionException("payment " + settled.providerReference() + " was settled "
          + "earlier (result " + settled.resultCode().map(IntentResult::fromCode).orElse(null)
          + ") but its details could not be read now: ask again", true,
          settled.providerReference(), e);
    }
  }

  private void prepareSigning(PaymentRequest request, int attempt) {
    SigningRequest signing = SigningRequest.builder()
        .reference(request.reference())
        .providerReference(AttemptReference.format(request.reference(), attempt))
        .attempt(attempt)
        .kind(request.kind())
        .amount(request.amount())
        .terminalTid(terminal.tid())
        .build();
    signer = new SignerCalls(ctx.signer, signing);
  }

  private void send(PaymentRequest request, int attempt) {
    String providerReference = AttemptReference.format(request.reference(), attempt);
    if (signer == null) {
      prepareSigning(request, attempt);
    }
    if (signature == null && needsSignature(request.kind())) {
      signature = signer.sign(request);
    }
    Instant now = ctx.clock.instant();
    Optional<OriginalTransaction> original = request.original();
    entry = JournalEntry.builder()
        .providerReference(providerReference)
        .terminal(terminal)
        .kind(request.kind())
        .amount(request.amount())
        .phase(JournalPhase.PREPARED)
        .document(Optional.ofNullable(signature).map(ProviderSignature::uidHash))
        .originalIntentId(original.flatMap(OriginalTransaction::intentId))
        .originalTransactionId(original.flatMap(OriginalTransaction::transactionId))
        .createdAt(now)
        .recordedAt(now)
        .build();
    try {
      ctx.journal.record(entry);
    } catch (RuntimeException e) {
      signer.tell(SignatureOutcome.CANCELLED);
      throw e;
    }
    CreateIntentCommand command = CreateIntentCommand.builder()
        .terminal(terminal)
        .kind(request.kind())
        .amount(request.amount())
        .providerReference(providerReference)
        .signature(Optional.ofNullable(signature))
        .original(original)
        .installments(request.installments())
        .lines(request.lines())
        .serverWait(min(ctx.serverWait, remaining()))
        .build();
    sentAt = now;
    PaymentIntent created;
    try {
      created = ctx.provider.create(command);
    } catch (ConnectionException e) {
      if (e.isOutcomeUnknown()) {
        log.info("create {} unanswered ({}): looking it up", providerReference, e.getMessage());
        lookup();
      } else {
        notSent(e);
      }
      return;
    } catch (ProviderRejectedException | InvalidRequestException
        | UnsupportedCapabilityException e) {
      notSent(e); // the provider answered with a refusal, or nothing left: nothing was created
      return;
    } catch (RuntimeException e) {
      log.warn("create {} failed unexpectedly: treating as unknown, looking it up",
          providerReference, e);
      lookup();
      return;
    }
    onIntent(created);
  }

  private boolean needsSignature(TransactionType kind) {
    return kind != TransactionType.VOID
        && ctx.provider.capabilities().contains(Capability.SIGNATURE_REQUIRED);
  }

  private void resume(JournalEntry journaled) {
    entry = journaled;
    prepareSigning(journaled);
    if (journaled.phase() == JournalPhase.PREPARED || journaled.intentId().isEmpty()) {
      sentAt = journaled.createdAt();
      lookup();
    } else {
      poll(journaled.intentId().get(), null);
    }
  }

  private void prepareSigning(JournalEntry journaled) {
    signer = new SignerCalls(ctx.signer, SigningRequest.builder()
        .reference(journaled.reference())
        .providerReference(journaled.providerReference())
        .attempt(journaled.attempt())
        .kind(journaled.kind())
        .amount(journaled.amount())
        .terminalTid(journaled.terminal().tid())
        .build());
    if (needsSignature(journaled.kind())) {
      signer.owe();
    }
  }

  private AttemptLookup lookup(Optional<String> intentId) {
    return AttemptLookups.of(ctx.journal, entry, intentId);
  }

  private void lookup() {
    Optional<PaymentIntent> found = null;
    try {
      found = ctx.provider.findAttempt(terminal, lookup(Optional.empty()));
    } catch (AuthenticationException | InvalidRequestException
        | UnsupportedCapabilityException e) {
      inDoubt(null, e);
      return;
    } catch (RuntimeException e) {
      log.debug("lookup of {} failed: will ask again", entry.providerReference(), e);
    }
    if (found != null && found.isPresent()) {
      onIntent(found.get());
      return;
    }
    Instant now = ctx.clock.instant();
    Duration settle = ctx.provider.createSettleTime().plus(ctx.serverWait);
    boolean findable = entry.kind() != TransactionType.VOID;
    if (found != null && findable && !now.isBefore(sentAt.plus(settle))) {
      notSent(new ConnectionException("payment " + entry.providerReference()
          + " never reached the provider: nothing was charged, it is safe to pay again",
          false, entry.providerReference(), null));
      return;
    }
    if (!now.isBefore(deadline)) {
      inDoubt(null, null);
      return;
    }
    later(this::lookup);
  }

  private void poll(String intentId, PaymentIntent last) {
    PaymentIntent next = last;
    try {
      next = ctx.provider.getAttempt(terminal, lookup(Optional.of(intentId)));
    } catch (AuthenticationException | InvalidRequestException
        | UnsupportedCapabilityException e) {
      inDoubt(last, e);
      return;
    } catch (RuntimeException e) {
      log.debug("poll of {} failed: will ask again", entry.providerReference(), e);
      next = null;
    }
    if (next == null) {
      if (!ctx.clock.instant().isBefore(deadline)) {
        inDoubt(last, null);
      } else {
        later(() -> poll(intentId, last));
      }
      return;
    }
    onIntent(next);
  }

  /** The provider's intent as this attempt: its journaled reference and kind (a void's wire has neither). */
  private PaymentIntent normalised(PaymentIntent reported) {
    PaymentIntent.Builder b = PaymentIntent.builder().from(reported)
        .providerReference(entry.providerReference())
        .kind(entry.kind());
    if (signature != null && reported.signature().isEmpty()) {
      b.signature(signature);
    }
    return b.build();
  }

  private void onIntent(PaymentIntent reported) {
    PaymentIntent intent = normalised(reported);
    journal(intent.isSettled() ? JournalPhase.SETTLED : JournalPhase.IN_FLIGHT, intent);
    if (intent.isSettled()) {
      signer.tell(intent.isApproved() ? SignatureOutcome.USED : SignatureOutcome.CANCELLED);
      result.complete(intent);
    } else if (!ctx.clock.instant().isBefore(deadline)) {
      inDoubt(intent, null);
    } else {
      later(() -> poll(intent.id(), intent));
    }
  }

  private void journal(JournalPhase phase, PaymentIntent intent) {
    Optional<JournalEntry> changed =
        JournalUpdate.next(entry, phase, intent, ctx.clock.instant());
    if (changed.isEmpty()) {
      return;
    }
    JournalEntry next = changed.get();
    try {
      ctx.journal.record(next);
      entry = next;
    } catch (RuntimeException e) {
      // The earlier entry stays: recovery re-asks the provider, so nothing is lost.
      log.warn("could not journal {} as {}: recovery will ask the provider again",
          entry.providerReference(), phase, e);
    }
  }

  private void notSent(PosException cause) {
    journal(JournalPhase.NOT_SENT, null);
    signer.tell(SignatureOutcome.CANCELLED);
    result.completeExceptionally(cause);
  }

  private void inDoubt(PaymentIntent last, Throwable cause) {
    log.warn("payment {} is in doubt at its deadline: it stays in the journal for recovery",
        entry.providerReference());
    result.completeExceptionally(new OutcomeUnknownException("the outcome of payment "
        + entry.providerReference() + " is not known yet; it stays in the journal and "
        + "PosClient.recover() or paying again with the same reference resolves it",
        entry.providerReference(), last, cause));
  }

  private void later(Runnable next) {
    Duration delay = min(ctx.pollSchedule.delayBefore(polls++), remaining());
    ctx.scheduler.schedule(() -> step(next), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void step(Runnable body) {
    try {
      ctx.executor.execute(() -> {
        try {
          body.run();
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      });
    } catch (RuntimeException rejected) {
      result.completeExceptionally(rejected);
    }
  }

  private Duration remaining() {
    Duration left = Duration.between(ctx.clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
