package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.time.Instant;
import java.util.Optional;

/** A busy day in a journal: N approved sales on one till, 1 in 100 still in flight. */
final class SampleDay {
  private SampleDay() {}

  static void fill(IntentJournal journal, int records) {
    fill(journal, records, 100);
  }

  /** N sales of which 1 in {@code inFlightEvery} is in flight (0: none). */
  static void fill(IntentJournal journal, int records, int inFlightEvery) {
    Instant now = Instant.now();
    Terminal terminal =
        Terminal.builder()
            .providerId("mellon")
            .tid("64999964")
            .callId("358046")
            .merchantId("000001234567")
            .label("Till 1")
            .build();
    for (int i = 0; i < records; i++) {
      journal.record(
          JournalEntry.builder()
              .providerReference("INV-2026-" + i + "-A1")
              .terminal(terminal)
              .kind(TransactionType.SALE)
              .amount(Money.euroCents(1000 + i))
              .phase(
                  inFlightEvery > 0 && i % inFlightEvery == 0
                      ? JournalPhase.IN_FLIGHT
                      : JournalPhase.SETTLED)
              .intentId(String.valueOf(i))
              .statusCode(3)
              .resultCode(Optional.of(1))
              .document("B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC")
              .createdAt(now.minusSeconds(i))
              .recordedAt(now.minusSeconds(i - 5))
              .build());
    }
  }
}
