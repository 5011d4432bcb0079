package dev.webecr.sdk.internal;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.util.List;
import java.util.Optional;

/**
 * What a request that names an original must respect before it is sent, so that no sale is credited
 * twice: a void only of an approved transaction that has no void (approved or in doubt) and no
 * refund yet; a linked refund at most what is left of its sale after earlier voids and refunds
 * (approved or still in doubt, from the journal); a completion at most its pre-authorisation. Facts
 * come from the {@link OriginalTransaction} (filled by {@code of(intent)}) and the journal.
 */
final class OriginalChecks {
  private OriginalChecks() {}

  static void check(PaymentRequest r, IntentJournal journal) {
    if (r.original().isEmpty()) {
      return;
    }
    OriginalTransaction o = r.original().get();
    // the journal is asked by original, and only when needed: a refund counts earlier refunds,
    // and an original that does not carry its facts is looked up there
    boolean factsCarried = o.amount().isPresent() && o.approved().isPresent();
    boolean credits = r.kind() == TransactionType.REFUND || r.kind() == TransactionType.VOID;
    List<JournalEntry> entries =
        credits ? journal.byOriginal(o.intentId(), o.transactionId()) : List.of();
    Optional<JournalEntry> known = factsCarried ? Optional.empty() : journaled(o, journal);
    switch (r.kind()) {
      case VOID:
        if (!approved(o, known).orElse(true)) {
          throw new InvalidRequestException(
              "original", "only an approved transaction can be voided");
        }
        voidOnce(r, o, entries);
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
    long left = sale.get().minorUnits();
    for (JournalEntry e : creditsOf(r, o, entries)) {
      left -= e.kind() == TransactionType.VOID ? sale.get().minorUnits() : e.amount().minorUnits();
    }
    if (r.amount().minorUnits() > left) {
      throw new InvalidRequestException(
          "amount",
          r.amount()
              + " is more than is left of the sale ("
              + Money.of(Math.max(0, left), r.amount().currency())
              + " after earlier voids and refunds, approved or in doubt)");
    }
  }

  /** A void gives the whole sale back: refused when any of it went back already, or may have. */
  private static void voidOnce(
      PaymentRequest r, OriginalTransaction o, List<JournalEntry> entries) {
    for (JournalEntry e : creditsOf(r, o, entries)) {
      boolean settled = e.phase() == JournalPhase.SETTLED;
      if (e.kind() == TransactionType.VOID) {
        throw new InvalidRequestException(
            "original",
            settled
                ? "already voided (" + e.providerReference() + ")"
                : "a void of it is in doubt (" + e.providerReference() + "): recover it first");
      }
      throw new InvalidRequestException(
          "amount",
          "a void gives back the whole sale, but "
              + e.amount()
              + " of it was refunded"
              + (settled ? "" : " or is in doubt")
              + " ("
              + e.providerReference()
              + "): refund what is left instead");
    }
  }

  /**
   * The voids and refunds of {@code o} under other references that gave money back or may have:
   * approved, or not settled yet (a create in doubt may have been approved).
   */
  private static List<JournalEntry> creditsOf(
      PaymentRequest r, OriginalTransaction o, List<JournalEntry> entries) {
    List<JournalEntry> out = new java.util.ArrayList<>();
    for (JournalEntry e : entries) {
      boolean credit = e.kind() == TransactionType.REFUND || e.kind() == TransactionType.VOID;
      boolean counts =
          credit
              && !e.reference().equals(r.reference())
              && sameOriginal(e, o)
              // in doubt, possibly committed late (watched), or approved
              && (e.phase().isInFlight()
                  || e.isWatched()
                  || e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())));
      if (counts) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean sameOriginal(JournalEntry e, OriginalTransaction o) {
    return (o.intentId().isPresent() && e.originalIntentId().equals(o.intentId()))
        || (o.transactionId().isPresent() && e.originalTransactionId().equals(o.transactionId()));
  }

  /**
   * The original's own attempt, for an original given by its id alone (without the facts {@code
   * OriginalTransaction.of(intent)} carries): the one case that reads the whole journal.
   */
  private static Optional<JournalEntry> journaled(OriginalTransaction o, IntentJournal journal) {
    if (o.intentId().isEmpty()) {
      return Optional.empty();
    }
    return journal.all().stream().filter(e -> e.intentId().equals(o.intentId())).findFirst();
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
