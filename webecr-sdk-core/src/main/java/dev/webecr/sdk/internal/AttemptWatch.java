package dev.webecr.sdk.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.UnsupportedCapabilityException;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.SignatureOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one attempt whose create may have left: looks it up after a lost answer, polls it,
 * journals each state and ends it. The rule it keeps: once a create may have left, only the
 * provider's own answer settles it (a failed read never makes it "not sent"); an unanswered create
 * is declared never sent only when the provider, asked after its settle time, still has nothing,
 * and a void never (it cannot be found by reference); anything in doubt at the deadline stays in
 * flight in the journal and fails with {@link OutcomeUnknownException}.
 */
final class AttemptWatch {
  private static final Logger log = LoggerFactory.getLogger(AttemptWatch.class);

  private final ClientContext ctx;
  private final Terminal terminal;
  private final Instant deadline;
  private final CompletableFuture<PaymentIntent> result;
  private JournalEntry entry;
  private SignerCalls signer;
  private ProviderSignature signature;
  private Instant sentAt;
  private int polls;
  private int failures;

  AttemptWatch(
      ClientContext ctx,
      Terminal terminal,
      Instant deadline,
      CompletableFuture<PaymentIntent> result) {
    this.ctx = ctx;
    this.terminal = terminal;
    this.deadline = deadline;
    this.result = result;
  }

  /** The attempt to watch: its journal entry, signing, signature (or null) and send time. */
  void attempt(
      JournalEntry entry, SignerCalls signer, ProviderSignature signature, Instant sentAt) {
    this.entry = entry;
    this.signer = signer;
    this.signature = signature;
    this.sentAt = sentAt;
  }

  AttemptLookup lookup(Optional<String> intentId) {
    return AttemptLookups.of(ctx.journal, entry, intentId);
  }

  void lookup() {
    Optional<PaymentIntent> found = null;
    try {
      found = ctx.provider.findAttempt(terminal, lookup(Optional.empty()));
    } catch (AuthenticationException | InvalidRequestException | UnsupportedCapabilityException e) {
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
      notSent(
          new ConnectionException(
              "payment "
                  + entry.providerReference()
                  + " never reached the provider: nothing was charged, it is safe to pay again",
              false,
              entry.providerReference(),
              null));
      return;
    }
    if (!now.isBefore(deadline)) {
      inDoubt(null, null);
      return;
    }
    later(this::lookup, found == null);
  }

  void poll(String intentId, PaymentIntent last) {
    PaymentIntent next;
    try {
      next = ctx.provider.getAttempt(terminal, lookup(Optional.of(intentId)));
    } catch (AuthenticationException | InvalidRequestException | UnsupportedCapabilityException e) {
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
        later(() -> poll(intentId, last), true);
      }
      return;
    }
    onIntent(next);
  }

  /** The provider's intent as this attempt: its journaled reference and kind (voids lack both). */
  PaymentIntent normalised(PaymentIntent reported) {
    PaymentIntent.Builder b =
        PaymentIntent.builder()
            .from(reported)
            .providerReference(entry.providerReference())
            .kind(entry.kind());
    if (signature != null && reported.signature().isEmpty()) {
      b.signature(signature);
    }
    return b.build();
  }

  void onIntent(PaymentIntent reported) {
    PaymentIntent intent = normalised(reported);
    journal(intent.isSettled() ? JournalPhase.SETTLED : JournalPhase.IN_FLIGHT, intent);
    if (intent.isSettled()) {
      signer.tell(intent.isApproved() ? SignatureOutcome.USED : SignatureOutcome.CANCELLED);
      result.complete(intent);
    } else if (!ctx.clock.instant().isBefore(deadline)) {
      inDoubt(intent, null);
    } else {
      later(() -> poll(intent.id(), intent), false);
    }
  }

  private void journal(JournalPhase phase, PaymentIntent intent) {
    Optional<JournalEntry> changed = JournalUpdate.next(entry, phase, intent, ctx.clock.instant());
    if (changed.isEmpty()) {
      return;
    }
    JournalEntry next = changed.get();
    try {
      ctx.journal.record(next);
      entry = next;
    } catch (RuntimeException e) {
      // The earlier entry stays: recovery re-asks the provider, so nothing is lost.
      log.warn(
          "could not journal {} as {}: recovery will ask the provider again",
          entry.providerReference(),
          phase,
          e);
    }
  }

  void notSent(PosException cause) {
    journal(JournalPhase.NOT_SENT, null);
    signer.tell(SignatureOutcome.CANCELLED);
    result.completeExceptionally(cause);
  }

  void inDoubt(PaymentIntent last, Throwable cause) {
    log.warn(
        "payment {} is in doubt at its deadline: it stays in the journal for recovery",
        entry.providerReference());
    result.completeExceptionally(
        new OutcomeUnknownException(
            "the outcome of payment "
                + entry.providerReference()
                + " is not known yet; it stays in the journal and "
                + "PosClient.recover() or paying again with the same reference resolves it",
            entry.providerReference(),
            last,
            cause));
  }

  /** The next step after the schedule's delay; a failed read backs off instead. */
  private void later(Runnable next, boolean failed) {
    failures = failed ? failures + 1 : 0;
    Duration wait =
        failed
            ? ctx.pollSchedule.delayAfterFailures(failures)
            : ctx.pollSchedule.delayBefore(polls++);
    Duration delay = min(wait, remaining());
    ctx.scheduler.schedule(() -> step(next), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  void step(Runnable body) {
    try {
      ctx.executor.execute(
          () -> {
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

  Duration remaining() {
    Duration left = Duration.between(ctx.clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
