package dev.webecr.sdk;

import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gives a duplicate approval back ({@link DuplicatePolicy#AUTO_REVERSE}): a void of it, or, when
 * the void is not approved (its batch was closed), a linked refund of its whole amount. Each is a
 * payment under a reference derived from the duplicate's intent id, so a later reconciliation
 * returns or resumes the same reversal instead of sending another: a reversal in doubt stays in
 * doubt and is never sent twice.
 */
final class Reversals {
  static final String VOID_PREFIX = "REV-";
  static final String REFUND_PREFIX = "REF-";

  private Reversals() {}

  /** {@code duplicate} with the outcome of giving its money back. */
  static Discrepancy reverse(
      Discrepancy duplicate, IntentJournal journal, Function<PaymentRequest, PaymentIntent> pay) {
    PaymentIntent charged = duplicate.intent().orElseThrow();
    String voidReference = VOID_PREFIX + charged.id();
    String refundReference = REFUND_PREFIX + charged.id();
    Discrepancy.Builder out = Discrepancy.builder().from(duplicate);
    if (!ownUntoldAttempt(charged, journal)) {
      return out.reversalProblem(
              "not reversed automatically: this client's journal does not hold it as an attempt"
                  + " of its own (another till's journal may have told its ERP of it): give one"
                  + " of the two back by hand")
          .build();
    }
    try {
      PaymentIntent reversal;
      if (!journal.attempts(refundReference).isEmpty() || voidDeclined(journal, voidReference)) {
        reversal = pay.apply(request(charged, TransactionType.REFUND, refundReference));
      } else {
        reversal = voidOrNothing(charged, voidReference, pay);
        if (reversal == null || !reversal.isApproved()) {
          reversal = pay.apply(request(charged, TransactionType.REFUND, refundReference));
        }
      }
      return out.reversal(reversal).build();
    } catch (PosException e) {
      return out.reversalProblem(e.getMessage()).build();
    }
  }

  /**
   * The void of {@code charged}; null when the provider refused it before processing (a batch
   * already closed may be refused so, or declined): then a refund gives the money back.
   */
  private static PaymentIntent voidOrNothing(
      PaymentIntent charged, String voidReference, Function<PaymentRequest, PaymentIntent> pay) {
    try {
      return pay.apply(request(charged, TransactionType.VOID, voidReference));
    } catch (ProviderRejectedException e) {
      if (e instanceof AuthenticationException || e.isRetryable()) {
        throw e;
      }
      return null;
    }
  }

  /**
   * True when {@code charged} is an attempt of this client's own that its ERP was not told of (a
   * late commit after "not sent", an attempt in doubt): only then does this journal know which
   * approval to keep. Another till's approval under the same reference is never reversed here.
   */
  private static boolean ownUntoldAttempt(PaymentIntent charged, IntentJournal journal) {
    if (!journal.attempts(VOID_PREFIX + charged.id()).isEmpty()
        || !journal.attempts(REFUND_PREFIX + charged.id()).isEmpty()) {
      return true; // reversed or being reversed already: the same reversal is returned or resumed
    }
    return journal
        .latest(charged.providerReference())
        .filter(e -> e.intentId().isEmpty() || e.intentId().equals(Optional.of(charged.id())))
        .filter(
            e ->
                e.phase() != JournalPhase.SETTLED
                    || !e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))
        .isPresent();
  }

  /**
   * True when the journal holds voids of the duplicate and every one ended without approval (the
   * batch was closed): the money goes back by a refund.
   */
  private static boolean voidDeclined(IntentJournal journal, String voidReference) {
    java.util.List<JournalEntry> voids = journal.attempts(voidReference);
    return !voids.isEmpty()
        && voids.stream()
            .allMatch(
                e ->
                    (e.phase() == JournalPhase.SETTLED || e.phase() == JournalPhase.NOT_SENT)
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
