package dev.webecr.sdk;

import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Two approvals under one ERP reference among a period's provider intents: a customer charged twice
 * (another till paid the same reference, or an attempt called not sent was committed late). The
 * approval the journal holds as told to the ERP is kept; every other is reported as {@link
 * Discrepancy.Kind#DUPLICATE_APPROVAL}, to be given back.
 */
final class DuplicateApprovals {
  private DuplicateApprovals() {}

  /**
   * The duplicates among every listed intent (two tills may have sent the same provider reference),
   * by intent id.
   */
  static Map<String, Discrepancy> find(Collection<PaymentIntent> listed, IntentJournal journal) {
    Map<String, List<PaymentIntent>> approvedByReference = new TreeMap<>();
    for (PaymentIntent i : listed) {
      AttemptReference r = AttemptReference.parse(i.providerReference());
      if (r.attempt() > 0 && i.isApproved()) {
        approvedByReference.computeIfAbsent(r.reference(), k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, Discrepancy> out = new LinkedHashMap<>();
    approvedByReference.forEach(
        (reference, approved) -> {
          if (approved.size() < 2) {
            return;
          }
          approved.sort(
              Comparator.comparingInt(
                  i -> AttemptReference.parse(i.providerReference()).attempt()));
          PaymentIntent kept = kept(approved, journal);
          for (PaymentIntent i : approved) {
            if (i != kept) {
              out.put(
                  i.id(),
                  Discrepancy.builder()
                      .kind(Discrepancy.Kind.DUPLICATE_APPROVAL)
                      .providerReference(i.providerReference())
                      .journalSays(
                          (ownAttempt(journal, kept) ? "the ERP was told of " : "kept: ")
                              + kept.providerReference()
                              + (ownAttempt(journal, kept)
                                  ? ""
                                  : " (intent " + kept.id() + "), approved first at another till"))
                      .providerSays(
                          "APPROVED as well: "
                              + i.amount()
                              + " charged a second time under "
                              + reference)
                      .intent(i)
                      .build());
            }
          }
        });
    return out;
  }

  /**
   * The approval to keep, the same whichever till reconciles: of the approvals some ERP was told of
   * (this journal's first told one, and every one another till journaled), the earliest at the
   * provider. An approval this journal holds but did not tell (called not sent, in doubt) is kept
   * only when there is nothing else.
   */
  private static PaymentIntent kept(List<PaymentIntent> approved, IntentJournal journal) {
    Optional<PaymentIntent> firstToldHere =
        approved.stream()
            .filter(i -> toldAt(journal, i).isPresent())
            .min(Comparator.comparing(i -> toldAt(journal, i).get()));
    List<PaymentIntent> candidates = new ArrayList<>();
    firstToldHere.ifPresent(candidates::add);
    approved.stream().filter(i -> !ownAttempt(journal, i)).forEach(candidates::add);
    return candidates.stream()
        .min(
            Comparator.comparing((PaymentIntent i) -> i.createdAt().orElse(java.time.Instant.MAX))
                .thenComparingInt(i -> i.id().length())
                .thenComparing(PaymentIntent::id))
        .orElse(approved.get(0));
  }

  /**
   * True when this journal holds {@code i} as one of its attempts (by intent id, else in doubt).
   */
  static boolean ownAttempt(IntentJournal journal, PaymentIntent i) {
    return journal
        .latest(i.providerReference())
        .filter(
            e ->
                e.intentId().equals(Optional.of(i.id()))
                    || (e.intentId().isEmpty() && e.phase() != JournalPhase.SETTLED))
        .isPresent();
  }

  /** When this journal recorded {@code i} as approved, if it did. */
  private static Optional<java.time.Instant> toldAt(IntentJournal journal, PaymentIntent i) {
    return journal
        .latest(i.providerReference())
        .filter(e -> e.phase() == JournalPhase.SETTLED && e.intentId().equals(Optional.of(i.id())))
        .filter(e -> e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))
        .map(dev.webecr.sdk.spi.JournalEntry::recordedAt);
  }

  /**
   * An attempt called not sent, found approved by the watch while {@code told}, another attempt of
   * its reference, is the approval the ERP heard of.
   */
  static Discrepancy foundLate(String providerReference, JournalEntry told, PaymentIntent found) {
    return Discrepancy.builder()
        .kind(Discrepancy.Kind.DUPLICATE_APPROVAL)
        .providerReference(providerReference)
        .journalSays("the ERP was told of " + told.providerReference())
        .providerSays(
            "APPROVED as well, after it was called not sent: "
                + found.amount()
                + " charged a second time under "
                + told.reference())
        .intent(found)
        .build();
  }

  /**
   * An attempt called not sent, found approved by the watch, the only approval of its reference.
   */
  static Discrepancy lateApproval(String providerReference, PaymentIntent found) {
    String reference = AttemptReference.parse(providerReference).reference();
    return Discrepancy.builder()
        .kind(Discrepancy.Kind.SENT_BUT_JOURNALED_NOT_SENT)
        .providerReference(providerReference)
        .journalSays("NOT_FOUND: the ERP was told it was not sent")
        .providerSays(
            "APPROVED after all: "
                + found.amount()
                + " charged; paying "
                + reference
                + " again returns it, or give it back with voidPayment if the ERP took the money"
                + " another way")
        .intent(found)
        .build();
  }
}
