package dev.webecr.sdk.internal;

import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.time.Instant;
import java.util.Optional;

/** The next journal entry of an attempt, only when something the journal keeps has changed. */
public final class JournalUpdate {
  private JournalUpdate() {}

  /**
   * The entry after {@code current} in {@code phase}, with what {@code intent} (may be null)
   * reports; empty when phase, intent id, status and result are all as journaled.
   */
  public static Optional<JournalEntry> next(
      JournalEntry current, JournalPhase phase, PaymentIntent intent, Instant at) {
    JournalEntry next =
        JournalEntry.builder()
            .from(current)
            .phase(phase)
            .intentId(intent == null ? current.intentId() : Optional.of(intent.id()))
            .statusCode(intent == null ? current.statusCode() : Optional.of(intent.statusCode()))
            .resultCode(intent == null ? current.resultCode() : intent.resultCode())
            .recordedAt(at)
            .build();
    boolean same =
        next.phase() == current.phase()
            && next.intentId().equals(current.intentId())
            && next.statusCode().equals(current.statusCode())
            && next.resultCode().equals(current.resultCode());
    return same ? Optional.empty() : Optional.of(next);
  }
}
