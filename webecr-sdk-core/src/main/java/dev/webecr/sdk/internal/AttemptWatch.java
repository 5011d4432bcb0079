package dev.webecr.sdk.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.UnsupportedCapabilityException;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.PaymentObservation;
import dev.webecr.sdk.spi.SignatureOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one attempt whose create may have left: looks it up after a lost answer, polls it,
 * journals each state and ends it. The rule it keeps: once a create may have left, only the
 * provider's own answer settles it (a failed read never makes it "not sent"); an unanswered create
 * is called not sent only when the provider, asked at least twice, spaced, after its settle window
 * has passed, still has nothing. The window is counted from when the create's failure was seen (a
 * gateway may answer 504 and the backend commit later) and is the provider's {@link
 * dev.webecr.sdk.spi.PosProvider#createSettleTime(Duration)} for the wait that create asked for. A
 * void is never called not sent (it cannot be found by reference). Anything in doubt at the
 * deadline stays in flight in the journal and fails with {@link OutcomeUnknownException}.
 */
final class AttemptWatch {
  private static final Logger log = LoggerFactory.getLogger(AttemptWatch.class);

  /**
   * [assumed] How long a terminal's UNKNOWN is polled before the payment is called in doubt: the
   * host's timing is not published; the fake settles its LATE profile after 60 s.
   */
  static final Duration FINISHED_IN_DOUBT = Duration.ofMinutes(2);

  private final ClientContext ctx;
  private final Terminal terminal;
  private final Attempt attempt;

  private final AttemptDeadline deadline;
  private final CompletableFuture<PaymentIntent> result;
  private Instant failureSeenAt;
  private Instant firstEmptyAfterWindow;
  private Instant finishedInDoubtSince;
  private int emptyLookups;
  private final NextRead reads;
  private boolean answered;

  AttemptWatch(
      ClientContext ctx,
      Terminal terminal,
      Attempt attempt,
      Instant deadline,
      boolean mayAbort,
      CompletableFuture<PaymentIntent> result,
      PaymentObservation observed) {
    this.ctx = ctx;
    this.terminal = terminal;
    this.attempt = attempt;
    this.deadline = new AttemptDeadline(ctx, terminal, attempt, deadline, mayAbort);
    this.result = result;
    this.reads =
        new NextRead(
            ctx,
            result,
            LogContext.of(
                ctx.provider.id(),
                terminal,
                attempt.entry().reference(),
                attempt.providerReference(),
                observed));
    observed.attempt(attempt.providerReference());
    ctx.watching.put(attempt.providerReference(), this);
    result.whenComplete((v, e) -> ctx.watching.remove(attempt.providerReference(), this));
  }

  /**
   * Marks the attempt resumed without its create's failure having been seen here (a crash, another
   * node): the failure is taken as seen when that create would have timed out at the latest, so the
   * settle window starts there.
   */
  void resumedUnseen() {
    this.failureSeenAt = attempt.sentAt().plus(attempt.settleTime());
  }

  /**
   * True until the watch has its outcome: it leaves {@code watching} a moment after, and whoever
   * waits on the payment may already know it.
   */
  boolean running() {
    return !result.isDone();
  }

  /** True once the provider answered a read of this watch (an empty lookup counts). */
  boolean answered() {
    return answered;
  }

  void lookup() {
    if (failureSeenAt == null) {
      failureSeenAt = ctx.clock.instant();
    }
    Optional<PaymentIntent> found = null;
    try {
      found = ctx.provider.findAttempt(terminal, attempt.lookup());
      answered = true;
    } catch (AuthenticationException | InvalidRequestException | UnsupportedCapabilityException e) {
      inDoubt(null, e);
      return;
    } catch (RuntimeException e) {
      log.debug("lookup of {} failed: will ask again", attempt.providerReference(), e);
    }
    if (found != null && found.isPresent()) {
      onIntent(found.get());
      return;
    }
    if (found != null && notSentProven()) {
      notFound(
          CreateFailures.notFound(
              attempt.providerReference(),
              Duration.between(failureSeenAt, ctx.clock.instant()),
              emptyLookups));
      return;
    }
    if (pastDeadline(null)) {
      inDoubt(null, null);
      return;
    }
    later(this::lookup, found == null);
  }

  /**
   * After an empty lookup: true when the settle window, counted from the failure, has passed and
   * the provider has answered empty twice since, spaced by a poll interval (once where lookups are
   * local, with no lag to wait out). A void never: it cannot be found by reference.
   */
  private boolean notSentProven() {
    emptyLookups++;
    if (attempt.entry().kind() == TransactionType.VOID) {
      return false;
    }
    Instant now = ctx.clock.instant();
    Instant windowEnd = failureSeenAt.plus(attempt.settleTime());
    if (now.isBefore(windowEnd)) {
      return false;
    }
    if (ctx.provider.capabilities().contains(Capability.LOCAL_LOOKUPS)) {
      return true;
    }
    if (firstEmptyAfterWindow == null) {
      firstEmptyAfterWindow = now;
      return false;
    }
    return !now.isBefore(firstEmptyAfterWindow.plus(ctx.pollSchedule.delayBefore(1)));
  }

  void poll(String intentId, PaymentIntent last) {
    PaymentIntent next;
    try {
      next = ctx.provider.getAttempt(terminal, attempt.read(intentId));
      answered = true;
    } catch (AuthenticationException | InvalidRequestException | UnsupportedCapabilityException e) {
      inDoubt(last, e);
      return;
    } catch (RuntimeException e) {
      log.debug("poll of {} failed: will ask again", attempt.providerReference(), e);
      next = null;
    }
    if (next == null) {
      if (pastDeadline(last)) {
        inDoubt(last, null);
      } else {
        later(() -> poll(intentId, last), true);
      }
      return;
    }
    onIntent(next);
  }

  void onIntent(PaymentIntent reported) {
    PaymentIntent intent = attempt.normalised(reported);
    attempt.record(intent.isSettled() ? JournalPhase.SETTLED : JournalPhase.IN_FLIGHT, intent);
    if (intent.isSettled()) {
      attempt.end(intent.isApproved() ? SignatureOutcome.USED : SignatureOutcome.CANCELLED);
      result.complete(intent);
    } else if (finishedInDoubtTooLong(intent) || pastDeadline(intent)) {
      inDoubt(intent, null);
    } else {
      later(() -> poll(intent.id(), intent), false);
    }
  }

  private boolean pastDeadline(PaymentIntent last) {
    return deadline.past(last);
  }

  /**
   * True once the terminal has finished (COMPLETED) with a result that settles nothing (UNKNOWN)
   * for longer than {@link #FINISHED_IN_DOUBT}: the host may still tell (Mellon's 13.13 EUR
   * scenario settles by polling), so it is asked that long, but the cashier is not kept to the
   * payment deadline at a terminal that sits idle; recovery goes on asking.
   */
  private boolean finishedInDoubtTooLong(PaymentIntent intent) {
    if (intent.status() != IntentStatus.COMPLETED) {
      return false;
    }
    Instant now = ctx.clock.instant();
    if (finishedInDoubtSince == null) {
      finishedInDoubtSince = now;
    }
    return !now.isBefore(finishedInDoubtSince.plus(FINISHED_IN_DOUBT));
  }

  /** Proven never charged (it never left, or was refused before processing). */
  void notSent(PosException cause) {
    attempt.record(JournalPhase.NOT_SENT, null);
    attempt.end(SignatureOutcome.CANCELLED);
    result.completeExceptionally(cause);
  }

  /** Not found after the settle window: paying again is allowed, the duplicate watch looks on. */
  private void notFound(PosException cause) {
    attempt.record(JournalPhase.NOT_FOUND, null);
    attempt.end(SignatureOutcome.CANCELLED);
    ctx.watchWake.run();
    result.completeExceptionally(cause);
  }

  void inDoubt(PaymentIntent last, Throwable cause) {
    log.warn(
        "payment {} is in doubt at its deadline: it stays in the journal for recovery",
        attempt.providerReference());
    result.completeExceptionally(
        new OutcomeUnknownException(
            "the outcome of payment "
                + attempt.providerReference()
                + " is not known yet; it stays in the journal and "
                + "PosClient.recover() or paying again with the same reference resolves it",
            attempt.providerReference(),
            last,
            cause));
  }

  private void later(Runnable next, boolean failed) {
    reads.after(next, failed, remaining());
  }

  /**
   * Reads the attempt now rather than at its scheduled time (a provider's webhook says its outcome
   * may be there); false when no read is waiting.
   */
  boolean readNow() {
    return reads.now();
  }

  /** The cashier's cancel: see {@link AttemptDeadline#abortNow()}. */
  void abortNow() {
    deadline.abortNow();
  }

  /** The ERP reference of the attempt. */
  String reference() {
    return attempt.entry().reference();
  }

  /** The terminal the attempt runs on (a hint names it). */
  Terminal terminal() {
    return terminal;
  }

  private Duration remaining() {
    return deadline.remaining();
  }

  /** What is left until {@code deadline}, never negative. */
  static Duration remaining(ClientContext ctx, Instant deadline) {
    Duration left = Duration.between(ctx.clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
