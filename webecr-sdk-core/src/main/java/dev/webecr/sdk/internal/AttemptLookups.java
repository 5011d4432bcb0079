package dev.webecr.sdk.internal;

import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import java.util.Optional;

/** Builds the {@link AttemptLookup} of a journaled attempt. */
public final class AttemptLookups {
  private AttemptLookups() {}

  /**
   * The lookup of {@code entry}, excluding the intents its sibling attempts (same ERP reference)
   * already own: a lookup that cannot use a reference (a void) must not adopt one of them.
   */
  public static AttemptLookup of(
      IntentJournal journal, JournalEntry entry, Optional<String> intentId) {
    AttemptLookup.Builder b =
        AttemptLookup.builder()
            .providerReference(entry.providerReference())
            .kind(entry.kind())
            .sentAfter(entry.createdAt())
            .amount(entry.amount())
            .intentId(intentId)
            .originalIntentId(entry.originalIntentId())
            .originalTransactionId(entry.originalTransactionId());
    for (JournalEntry sibling : journal.attempts(entry.reference())) {
      if (!sibling.providerReference().equals(entry.providerReference())) {
        sibling.intentId().ifPresent(b::addExcludedIntentIds);
      }
    }
    if (entry.kind() == TransactionType.VOID) {
      // A void is matched without a reference (by its original, or by time): every void the
      // journal already gives to another attempt on this terminal must not be taken for it.
      for (JournalEntry other : journal.all()) {
        if (other.kind() == TransactionType.VOID
            && other.terminal().callId().equals(entry.terminal().callId())
            && !other.providerReference().equals(entry.providerReference())) {
          other.intentId().ifPresent(b::addExcludedIntentIds);
        }
      }
    }
    return b.build();
  }
}
