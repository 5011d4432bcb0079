package dev.webecr.sdk.internal;

import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.time.Duration;
import java.time.Instant;
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
 * (another till paid the same reference, or an attempt called not sent was committed late). One is
 * kept and every other is reported as {@link Discrepancy.Kind#DUPLICATE_APPROVAL}, to be given back
 * by the till that journaled it.
 *
 * <p>Every till must keep the same one without talking to the others, and none may give back the
 * last: the till whose journal holds the earliest approval at the provider keeps one of its own
 * (the one its ERP was told of, else that earliest), and every other till gives back all of its
 * own. Within one till the told approval always wins over one found late.
 */
final class DuplicateApprovals {
  /** Clock skew allowed between us and the provider when an intent is matched by time. */
  private static final Duration SKEW = Duration.ofMinutes(2);

  private static final Comparator<PaymentIntent> AT_PROVIDER =
      Comparator.comparing((PaymentIntent i) -> i.createdAt().orElse(Instant.MAX))
          .thenComparingInt(i -> i.id().length())
          .thenComparing(PaymentIntent::id);

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
          approved.sort(AT_PROVIDER);
          PaymentIntent kept = kept(approved, journal);
          String keptSays = keptSays(kept, journal);
          for (PaymentIntent i : approved) {
            if (i != kept) {
              out.put(
                  i.id(),
                  Discrepancy.builder()
                      .kind(Discrepancy.Kind.DUPLICATE_APPROVAL)
                      .providerReference(i.providerReference())
                      .journalSays(keptSays)
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
   * The approval to keep, sorted {@code approved} given: where this journal holds the earliest, the
   * one of its own its ERP was told of (else that earliest); otherwise the earliest, another
   * till's, which that till keeps (or gives back for a told one of its own, never leaving none).
   */
  private static PaymentIntent kept(List<PaymentIntent> approved, IntentJournal journal) {
    PaymentIntent earliest = approved.get(0);
    if (!ownAttempt(journal, earliest)) {
      return earliest;
    }
    return approved.stream()
        .filter(i -> toldAt(journal, i).isPresent())
        .min(Comparator.comparing(i -> toldAt(journal, i).get()))
        .orElse(earliest);
  }

  private static String keptSays(PaymentIntent kept, IntentJournal journal) {
    if (!ownAttempt(journal, kept)) {
      return "kept: "
          + kept.providerReference()
          + " (intent "
          + kept.id()
          + "), the earliest approval, made at another till";
    }
    return toldAt(journal, kept).isPresent()
        ? "the ERP was told of " + kept.providerReference()
        : "kept: " + kept.providerReference() + ", the earliest approval (called not sent here)";
  }

  /**
   * True when this journal holds {@code i} as one of its attempts: by intent id, else, while the
   * attempt has none (its answer was lost), under its reference and not created before its send.
   */
  static boolean ownAttempt(IntentJournal journal, PaymentIntent i) {
    return journal
        .latest(i.providerReference())
        .filter(
            e ->
                e.intentId().equals(Optional.of(i.id()))
                    || (e.intentId().isEmpty()
                        && e.phase() != JournalPhase.SETTLED
                        && !i.createdAt()
                            .map(t -> t.isBefore(e.createdAt().minus(SKEW)))
                            .orElse(false)))
        .isPresent();
  }

  /** When this journal recorded {@code i} as approved, if it did. */
  private static Optional<java.time.Instant> toldAt(IntentJournal journal, PaymentIntent i) {
    return journal
        .latest(i.providerReference())
        .filter(e -> e.phase() == JournalPhase.SETTLED && e.intentId().equals(Optional.of(i.id())))
        .filter(e -> e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))
        .map(JournalEntry::recordedAt);
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
