package dev.webecr.sdk;

import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.IntentJournal;
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
          // the approval the ERP heard of first: told earliest in this journal, else the first
          PaymentIntent kept =
              approved.stream()
                  .filter(i -> toldAt(journal, i).isPresent())
                  .min(Comparator.comparing(i -> toldAt(journal, i).get()))
                  .orElse(approved.get(0));
          for (PaymentIntent i : approved) {
            if (i != kept) {
              out.put(
                  i.id(),
                  Discrepancy.builder()
                      .kind(Discrepancy.Kind.DUPLICATE_APPROVAL)
                      .providerReference(i.providerReference())
                      .journalSays("the ERP was told of " + kept.providerReference())
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

  /** When this journal recorded {@code i} as approved, if it did. */
  private static Optional<java.time.Instant> toldAt(IntentJournal journal, PaymentIntent i) {
    return journal
        .latest(i.providerReference())
        .filter(e -> e.phase() == JournalPhase.SETTLED && e.intentId().equals(Optional.of(i.id())))
        .filter(e -> e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))
        .map(dev.webecr.sdk.spi.JournalEntry::recordedAt);
  }
}
