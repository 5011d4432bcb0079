package dev.webecr.sdk;

import dev.webecr.sdk.internal.Futures;
import dev.webecr.sdk.internal.ReversalReferences;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Gives a duplicate approval back ({@link DuplicatePolicy#AUTO_REVERSE}): a void of it, or, when
 * the void is not approved (its batch was closed), a linked refund of its whole amount. Each is a
 * payment under a reference derived from the duplicate's intent id ({@link ReversalReferences}), so
 * a later reconciliation or watch returns or resumes the same reversal instead of sending another:
 * a reversal in doubt stays in doubt and is never sent twice.
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
      return CompletableFuture.completedFuture(
          out.reversalProblem(
                  "not given back here: another till journaled it, and that till's reconciliation"
                      + " gives it back (or a person, where it runs no reconciliation)")
              .build());
    }
    CompletableFuture<PaymentIntent> reversal;
    if (!journal.attempts(refundReference).isEmpty() || voidDeclined(journal, voidReference)) {
      reversal = pay.apply(request(charged, TransactionType.REFUND, refundReference));
    } else {
      reversal =
          voidOrNothing(charged, voidReference, pay)
              .thenCompose(
                  v ->
                      v != null && v.isApproved()
                          ? CompletableFuture.completedFuture(v)
                          : pay.apply(request(charged, TransactionType.REFUND, refundReference)));
    }
    return reversal.handle(
        (r, error) -> {
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
   * already closed may be refused so, or declined): then a refund gives the money back.
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
              if (e instanceof ProviderRejectedException
                  && !(e instanceof AuthenticationException)
                  && !((ProviderRejectedException) e).isRetryable()) {
                return null;
              }
              throw new CompletionException(e);
            });
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
   * True when the journal holds voids of the duplicate and every one ended without approval (the
   * batch was closed): the money goes back by a refund.
   */
  private static boolean voidDeclined(IntentJournal journal, String voidReference) {
    List<JournalEntry> voids = journal.attempts(voidReference);
    return !voids.isEmpty()
        && voids.stream()
            .allMatch(
                e ->
                    (e.phase() == JournalPhase.SETTLED || e.phase().isNotSent())
                        && !e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())));
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
