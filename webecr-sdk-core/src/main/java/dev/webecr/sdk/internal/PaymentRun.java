package dev.webecr.sdk.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.UnsupportedCapabilityException;
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
 * <p>The rules it keeps: journal before sending; send a create once; after an unanswered create,
 * look the intent up by reference and only declare it never sent when the provider, asked after
 * its settle time, still has nothing; anything in doubt at the deadline stays in flight in the
 * journal and fails with {@link OutcomeUnknownException}.
 */
public final class PaymentRun {
  private static final Logger log = LoggerFactory.getLogger(PaymentRun.class);

  private final ClientContext ctx;
  private final Terminal terminal;
  private final Instant deadline;
  private final CompletableFuture<PaymentIntent> result = new CompletableFuture<>();
  private JournalEntry entry;
  private SigningRequest signing;
  private boolean signed;
  private ProviderSignature signature;
  private Instant sentAt;
  private int polls;

  private PaymentRun(ClientContext ctx, Terminal terminal) {
    this.ctx = ctx;
    this.terminal = terminal;
    this.deadline = ctx.clock.instant().plus(ctx.paymentDeadline);
  }

  /** Runs a validated request whose terminal lane the caller holds. */
  public static CompletableFuture<PaymentIntent> pay(ClientContext ctx, PaymentRequest request) {
    PaymentRun run = new PaymentRun(ctx, request.terminal());
    run.step(() -> run.begin(request));
    return run.result;
  }

  /** Resumes an attempt the journal holds in flight; {@code terminal} carries its API key. */
  public static CompletableFuture<PaymentIntent> resume(
      ClientContext ctx, JournalEntry entry, Terminal terminal) {
    PaymentRun run = new PaymentRun(ctx, terminal);
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
      result.complete(ctx.provider.get(terminal, now.intentId().get()));
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
    for (JournalEntry a : attempts) {
      if (!samePayment(a, request)) {
        throw new InvalidRequestException("reference", "'" + request.reference()
            + "' was already used for another payment (" + a.kind() + " of " + a.amount()
            + " on terminal " + a.terminal().tid() + ")");
      }
    }
    Optional<JournalEntry> approved = attempts.stream()
        .filter(a -> a.phase() == JournalPhase.SETTLED
            && a.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))
        .findFirst();
    if (approved.isPresent()) {
      log.debug("{} is already approved: returning it, charging nothing",
          approved.get().providerReference());
      result.complete(ctx.provider.get(terminal, approved.get().intentId().get()));
      return;
    }
    Optional<JournalEntry> open = attempts.stream().filter(a -> a.phase().isInFlight()).findFirst();
    if (open.isPresent()) {
      log.debug("{} is in flight: resuming it", open.get().providerReference());
      resume(open.get());
      return;
    }
    int attempt = attempts.stream().mapToInt(JournalEntry::attempt).max().orElse(0) + 1;
    if (attempt > AttemptReference.MAX_ATTEMPTS) {
      throw new InvalidRequestException("reference", "too many attempts for this reference");
    }
    send(request, attempt);
  }

  private static boolean samePayment(JournalEntry a, PaymentRequest r) {
    return a.kind() == r.kind() && a.amount().equals(r.amount())
        && a.terminal().providerId().equals(r.terminal().providerId())
        && a.terminal().callId().equals(r.terminal().callId());
  }

  private void send(PaymentRequest request, int attempt) {
    String providerReference = AttemptReference.format(request.reference(), attempt);
    signing = SigningRequest.builder()
        .reference(request.reference())
        .providerReference(providerReference)
        .attempt(attempt)
        .kind(request.kind())
        .amount(request.amount())
        .terminalTid(terminal.tid())
        .build();
    signed = needsSignature(request.kind());
    if (signed) {
      signature = sign(request);
    }
    Instant now = ctx.clock.instant();
    entry = JournalEntry.builder()
        .providerReference(providerReference)
        .terminal(terminal)
        .kind(request.kind())
        .amount(request.amount())
        .phase(JournalPhase.PREPARED)
        .createdAt(now)
        .recordedAt(now)
        .build();
    try {
      ctx.journal.record(entry);
    } catch (RuntimeException e) {
      tellSigner(SignatureOutcome.CANCELLED);
      throw e;
    }
    CreateIntentCommand command = CreateIntentCommand.builder()
        .terminal(terminal)
        .kind(request.kind())
        .amount(request.amount())
        .providerReference(providerReference)
        .signature(Optional.ofNullable(signature))
        .original(request.original())
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
    } catch (PosException e) {
      notSent(e);
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

  private ProviderSignature sign(PaymentRequest request) {
    ProviderSignature s;
    try {
      s = ctx.signer.sign(signing);
    } catch (PosException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidRequestException("signature",
          "the PaymentSigner failed (" + e.getClass().getSimpleName() + ")");
    }
    if (s == null) {
      throw new InvalidRequestException("signature", "the PaymentSigner returned null");
    }
    if (!s.tid().equals(terminal.tid())) {
      tellSigner(SignatureOutcome.CANCELLED);
      throw new InvalidRequestException("signature.input.tid", "signed for terminal " + s.tid()
          + " but the payment runs on terminal " + terminal.tid());
    }
    if (s.payableCents() != request.amount().minorUnits()) {
      tellSigner(SignatureOutcome.CANCELLED);
      throw new InvalidRequestException("signature.input.payable", "signed for "
          + s.payableCents() + " cents but the amount is " + request.amount().minorUnits());
    }
    return s;
  }

  private void resume(JournalEntry journaled) {
    entry = journaled;
    signed = needsSignature(journaled.kind());
    signing = SigningRequest.builder()
        .reference(journaled.reference())
        .providerReference(journaled.providerReference())
        .attempt(journaled.attempt())
        .kind(journaled.kind())
        .amount(journaled.amount())
        .terminalTid(journaled.terminal().tid())
        .build();
    if (journaled.phase() == JournalPhase.PREPARED || journaled.intentId().isEmpty()) {
      sentAt = journaled.createdAt();
      lookup();
    } else {
      poll(journaled.intentId().get(), null);
    }
  }

  private void lookup() {
    Optional<PaymentIntent> found = null;
    try {
      found = ctx.provider.findByReference(terminal, entry.providerReference());
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
    if (found != null && !now.isBefore(sentAt.plus(settle))) {
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
      next = ctx.provider.get(terminal, intentId);
    } catch (AuthenticationException | InvalidRequestException
        | UnsupportedCapabilityException e) {
      inDoubt(last, e);
      return;
    } catch (RuntimeException e) {
      log.debug("poll of {} failed: will ask again", entry.providerReference(), e);
    }
    if (next == null) {
      if (!ctx.clock.instant().isBefore(deadline)) {
        inDoubt(null, null);
      } else {
        later(() -> poll(intentId, null));
      }
      return;
    }
    onIntent(next);
  }

  private void onIntent(PaymentIntent reported) {
    PaymentIntent intent = signature != null && reported.signature().isEmpty()
        ? PaymentIntent.builder().from(reported).signature(signature).build()
        : reported;
    journal(intent.isSettled() ? JournalPhase.SETTLED : JournalPhase.IN_FLIGHT, intent);
    if (intent.isSettled()) {
      tellSigner(intent.isApproved() ? SignatureOutcome.USED : SignatureOutcome.CANCELLED);
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
    tellSigner(SignatureOutcome.CANCELLED);
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

  private void tellSigner(SignatureOutcome outcome) {
    if (!signed || signing == null || ctx.signer == null) {
      return;
    }
    signed = false; // tell once
    try {
      ctx.signer.onOutcome(signing, outcome);
    } catch (RuntimeException e) {
      log.warn("PaymentSigner.onOutcome failed for {}", signing.providerReference(), e);
    }
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
