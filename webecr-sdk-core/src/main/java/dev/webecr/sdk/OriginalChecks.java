package dev.webecr.sdk;

import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.util.List;
import java.util.Optional;

/**
 * What a request that names an original must respect before it is sent: a void only of an approved
 * transaction; a linked refund at most what is left of its sale after earlier refunds (approved or
 * still in doubt, from the journal); a completion at most its pre-authorisation. Facts come from
 * the {@link OriginalTransaction} (filled by {@code of(intent)}) and the journal.
 */
final class OriginalChecks {
  private OriginalChecks() {}

  static void check(PaymentRequest r, IntentJournal journal) {
    if (r.original().isEmpty()) {
      return;
    }
    OriginalTransaction o = r.original().get();
    // the journal is read once, and only when needed: a refund counts earlier refunds, and an
    // original that does not carry its facts is looked up there
    boolean factsCarried = o.amount().isPresent() && o.approved().isPresent();
    List<JournalEntry> entries =
        r.kind() == TransactionType.REFUND || !factsCarried ? journal.all() : List.of();
    Optional<JournalEntry> known = factsCarried ? Optional.empty() : journaled(o, entries);
    switch (r.kind()) {
      case VOID:
        if (!approved(o, known).orElse(true)) {
          throw new InvalidRequestException(
              "original", "only an approved transaction can be voided");
        }
        break;
      case REFUND:
        refund(r, o, known, entries);
        break;
      case PRE_AUTH_COMPLETION:
        if (o.kind().isPresent() && o.kind().get() != TransactionType.PRE_AUTHORISATION) {
          throw new InvalidRequestException(
              "original", "a completion completes a pre-authorisation, not a " + o.kind().get());
        }
        amountOf(o, known)
            .filter(pre -> r.amount().compareTo(pre) > 0)
            .ifPresent(
                pre -> {
                  throw new InvalidRequestException(
                      "amount", r.amount() + " is more than the pre-authorised " + pre);
                });
        break;
      default:
        break;
    }
  }

  private static void refund(
      PaymentRequest r,
      OriginalTransaction o,
      Optional<JournalEntry> known,
      List<JournalEntry> entries) {
    Optional<Money> sale = amountOf(o, known);
    if (sale.isEmpty()) {
      throw new InvalidRequestException(
          "original",
          "unknown to this client: give the original as OriginalTransaction.of(intent), or refund"
              + " without a link");
    }
    if (!approved(o, known).orElse(true)) {
      throw new InvalidRequestException("original", "only an approved sale can be refunded");
    }
    long refunded = 0;
    for (JournalEntry e : entries) {
      boolean counts =
          e.kind() == TransactionType.REFUND
              && !e.reference().equals(r.reference())
              && sameOriginal(e, o)
              && (e.phase() != JournalPhase.SETTLED && e.phase() != JournalPhase.NOT_SENT
                  || e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())));
      if (counts) {
        refunded += e.amount().minorUnits();
      }
    }
    long left = sale.get().minorUnits() - refunded;
    if (r.amount().minorUnits() > left) {
      throw new InvalidRequestException(
          "amount",
          r.amount()
              + " is more than is left of the sale ("
              + Money.of(Math.max(0, left), r.amount().currency())
              + " after earlier refunds, approved or in doubt)");
    }
  }

  private static boolean sameOriginal(JournalEntry e, OriginalTransaction o) {
    return (o.intentId().isPresent() && e.originalIntentId().equals(o.intentId()))
        || (o.transactionId().isPresent() && e.originalTransactionId().equals(o.transactionId()));
  }

  private static Optional<JournalEntry> journaled(
      OriginalTransaction o, List<JournalEntry> entries) {
    if (o.intentId().isEmpty()) {
      return Optional.empty();
    }
    return entries.stream().filter(e -> e.intentId().equals(o.intentId())).findFirst();
  }

  private static Optional<Money> amountOf(OriginalTransaction o, Optional<JournalEntry> known) {
    return o.amount().isPresent() ? o.amount() : known.map(JournalEntry::amount);
  }

  private static Optional<Boolean> approved(OriginalTransaction o, Optional<JournalEntry> known) {
    if (o.approved().isPresent()) {
      return o.approved();
    }
    return known
        .filter(e -> e.phase() == JournalPhase.SETTLED)
        .map(e -> e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())));
  }
}
