package dev.webecr.sdk.internal;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalPhase;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ERP references under which a duplicate approval is given back: derived from the duplicate's
 * intent id, so that every reconciliation and watch returns or resumes the same reversal instead of
 * sending another.
 */
public final class ReversalReferences {
  private ReversalReferences() {}

  /** The void of the duplicate intent {@code intentId}. */
  public static String voidOf(String intentId) {
    return "REV-" + intentId;
  }

  /** The full refund of the duplicate intent {@code intentId}, when its void is not approved. */
  public static String refundOf(String intentId) {
    return "REF-" + intentId;
  }

  /**
   * True when no reversal of {@code intentId} this journal holds is approved or in flight: trying
   * again (a void after BUSY, a refund after a declined void) cannot give the money back twice.
   */
  public static boolean mayTryAgain(IntentJournal journal, String intentId) {
    return Stream.concat(
            journal.attempts(voidOf(intentId)).stream(),
            journal.attempts(refundOf(intentId)).stream())
        .noneMatch(
            e ->
                e.phase().isInFlight()
                    || e.resultCode().equals(Optional.of(IntentResult.APPROVED.code()))
                    || (e.phase() == JournalPhase.NOT_FOUND && e.resultCode().isEmpty()));
  }

  /** True when this journal holds a reversal of {@code intentId}, whatever its state. */
  public static boolean started(IntentJournal journal, String intentId) {
    return !journal.attempts(voidOf(intentId)).isEmpty()
        || !journal.attempts(refundOf(intentId)).isEmpty();
  }
}
