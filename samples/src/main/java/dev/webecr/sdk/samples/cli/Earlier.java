package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What this machine's journal holds of a reference before it is paid. */
enum Earlier {
  /** Nothing: paying it asks the provider, then sends. */
  NOTHING,
  /** Approved: paying it again sends nothing and returns the approval. */
  APPROVED,
  /** In flight: paying it again follows it, sending nothing new. */
  RUNNING;

  static Earlier of(Path journal, String reference) {
    if (!Files.exists(journal)) {
      return NOTHING;
    }
    try (IntentJournal j = Journals.file(journal)) {
      List<JournalEntry> attempts = j.attempts(reference);
      if (attempts.stream()
          .anyMatch(
              e ->
                  e.phase() == JournalPhase.SETTLED
                      && e.resultCode().equals(Optional.of(IntentResult.APPROVED.code())))) {
        return APPROVED;
      }
      return attempts.stream().anyMatch(e -> e.phase().isInFlight()) ? RUNNING : NOTHING;
    }
  }

  /** The latest attempt the journal holds of ERP reference {@code reference}. */
  static Optional<JournalEntry> latestAttempt(Path journal, String reference) {
    if (!Files.exists(journal)) {
      return Optional.empty();
    }
    try (IntentJournal j = Journals.file(journal)) {
      List<JournalEntry> attempts = j.attempts(reference);
      return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }
  }
}
