package dev.webecr.sdk.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.DuplicatePolicy;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.UnsupportedCapabilityException;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Gives a duplicate approval back ({@link DuplicatePolicy#AUTO_REVERSE}): a void of it, or, when
 * the void is declined or refused (its batch was closed) or the provider has no void (Viva), a
 * linked refund of its whole amount, where it took money from the card (a duplicate refund or
 * pre-authorisation is only voided: refunding it would credit the card again). A void that came
 * back BUSY, cancelled or failed is tried again as a void by the next watch or reconciliation (a
 * void gives back at most once, so trying again is safe). Each is a payment under a reference
 * derived from the duplicate's intent id ({@link ReversalReferences}), so a later reconciliation or
 * watch returns or resumes the same reversal instead of sending another: a reversal in doubt stays
 * in doubt and is never sent twice.
 */
final class Reversals {
  private Reversals() {}

  /** {@code duplicate} with the outcome of giving its money back, once that is known. */
  static CompletableFuture<Discrepancy> reverse(
      Discrepancy duplicate,
      IntentJournal journal,
      Function<PaymentRequest, CompletableFuture<PaymentIntent>> pay) {
    PaymentIntent charged = duplicate.intent().orElseThrow();
    String voidReference = ReversalReferences.voidOf(charged.id());
    String refundReference = ReversalReferences.refundOf(charged.id());
    Discrepancy.Builder out = Discrepancy.builder().from(duplicate);
    if (!ownAttempt(charged, journal)) {
      String ownUnderIt =
          journal
              .latest(charged.providerReference())
              .flatMap(JournalEntry::intentId)
              .map(id -> "; this till's " + charged.providerReference() + " is intent " + id)
              .orElse("");
      return CompletableFuture.completedFuture(
          out.reversalProblem(
                  "not given back here: this till's journal does not hold it"
                      + ownUnderIt
                      + " (another till's, whose reconciliation gives it back; or a person, where"
                      + " no till holds it or reconciles)")
              .build());
    }
    if (leftToAPerson(charged, journal)) {
      return CompletableFuture.completedFuture(out.reversalProblem(voidOnly(charged)).build());
    }
    CompletableFuture<PaymentIntent> reversal;
    if (!journal.attempts(refundReference).isEmpty() || voidDeclined(journal, charged.id())) {
      reversal = pay.apply(request(charged, TransactionType.REFUND, refundReference));
    } else {
      reversal =
          voidOrNothing(charged, voidReference, pay)
              .thenCompose(
                  v ->
                      (v == null || v.result().equals(Optional.of(IntentResult.DECLINED)))
                              && lostVoid(journal, voidReference).isEmpty()
                              && refundable(charged)
                          ? pay.apply(request(charged, TransactionType.REFUND, refundReference))
                          : CompletableFuture.completedFuture(v));
    }
    return reversal.handle(
        (r, error) -> {
          if (error == null && r == null) {
            return out.reversalProblem(
                    refundable(charged)
                        ? lostVoidProblem(journal, voidReference)
                        : voidOnly(charged))
                .build();
          }
          if (error == null && !r.isApproved() && r.kind() == TransactionType.VOID) {
            boolean declined = r.result().equals(Optional.of(IntentResult.DECLINED));
            return out.reversal(r)
                .reversalProblem(
                    declined
                        ? refundable(charged)
                            ? lostVoidProblem(journal, voidReference)
                            : voidOnly(charged)
                        : "its void "
                            + r.providerReference()
                            + " came back "
                            + r.result().map(Enum::name).orElse("without a result")
                            + ": the void is tried again later")
                .build();
          }
          if (error == null) {
            return out.reversal(r).build();
          }
          Throwable cause = Futures.unwrap(error);
          if (cause instanceof PosException) {
            return out.reversalProblem(cause.getMessage()).build();
          }
          throw new CompletionException(cause);
        });
  }

  /**
   * The void of {@code charged}; null when the provider refused it before processing (a batch
   * already closed may be refused so, or declined) or has no void at all: then a refund gives the
   * money back.
   */
  private static CompletableFuture<PaymentIntent> voidOrNothing(
      PaymentIntent charged,
      String voidReference,
      Function<PaymentRequest, CompletableFuture<PaymentIntent>> pay) {
    return pay.apply(request(charged, TransactionType.VOID, voidReference))
        .handle(
            (v, error) -> {
              if (error == null) {
                return v;
              }
              Throwable e = Futures.unwrap(error);
              if (e instanceof UnsupportedCapabilityException) {
                return null; // no void at this provider, refused before anything was sent
              }
              if (e instanceof ProviderRejectedException
                  && !(e instanceof AuthenticationException)
                  && !((ProviderRejectedException) e).isRetryable()) {
                return null;
              }
              throw new CompletionException(e);
            });
  }

  /**
   * True when a refund can give {@code charged} back: it took money from the card. A duplicate
   * refund or pre-authorisation only a void undoes; a refund of it would credit the card again.
   */
  private static boolean refundable(PaymentIntent charged) {
    TransactionType kind = charged.kind();
    return kind != TransactionType.REFUND
        && kind != TransactionType.VOID
        && kind != TransactionType.PRE_AUTHORISATION;
  }

  /**
   * True when only a person can give {@code charged} back now: it is not refundable and its void
   * was declined or refused. Trying again would send nothing.
   */
  static boolean leftToAPerson(PaymentIntent charged, IntentJournal journal) {
    return !refundable(charged) && voidDeclined(journal, charged.id());
  }

  private static String voidOnly(PaymentIntent charged) {
    return "a duplicate "
        + charged.kind()
        + " is given back only by its void, which was declined, refused (a closed batch) or is not"
        + " offered:"
        + " a person settles it with the card holder; no refund is sent";
  }

  /**
   * True when {@code charged} is an attempt of this client's own: only the till that journaled a
   * duplicate gives it back (every till keeps the same approval, so one reversal is made).
   */
  private static boolean ownAttempt(PaymentIntent charged, IntentJournal journal) {
    return ReversalReferences.started(journal, charged.id())
        || DuplicateApprovals.ownAttempt(journal, charged);
  }

  /**
   * True when a void of the duplicate was declined or refused before processing (the batch was
   * closed) and no reversal of it is approved, in flight or lost: the money goes back by a refund.
   * A void that came back BUSY is not grounds for a refund: it is tried again.
   */
  private static boolean voidDeclined(IntentJournal journal, String intentId) {
    return journal.attempts(ReversalReferences.voidOf(intentId)).stream()
            .anyMatch(
                e ->
                    e.phase() == JournalPhase.NOT_SENT
                        || (e.phase() == JournalPhase.SETTLED
                            && e.resultCode().equals(Optional.of(IntentResult.DECLINED.code()))))
        && ReversalReferences.mayTryAgain(journal, intentId);
  }

  /**
   * A void of the duplicate whose answer was lost and that was not found since: it may have voided
   * the duplicate, so a later void's decline may mean "already voided", and a refund could give the
   * money back twice.
   */
  private static Optional<String> lostVoid(IntentJournal journal, String voidReference) {
    return journal.attempts(voidReference).stream()
        .filter(e -> e.phase() == JournalPhase.NOT_FOUND && e.resultCode().isEmpty())
        .map(JournalEntry::providerReference)
        .findFirst();
  }

  private static String lostVoidProblem(IntentJournal journal, String voidReference) {
    return "a void was declined, but its earlier void "
        + lostVoid(journal, voidReference).orElse("?")
        + " was lost and not found since: it may have voided it, and a refund could give the"
        + " money back twice; a person checks the terminal's batch";
  }

  private static PaymentRequest request(PaymentIntent charged, TransactionType kind, String ref) {
    return PaymentRequest.builder()
        .terminal(charged.terminal())
        .kind(kind)
        .amount(charged.amount())
        .reference(ref)
        .original(OriginalTransaction.of(charged))
        .build();
  }
}
