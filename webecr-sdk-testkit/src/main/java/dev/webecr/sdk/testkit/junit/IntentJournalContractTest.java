package dev.webecr.sdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IntentJournal} owes the client, as a JUnit 5 suite a journal runs against
 * itself (the in-memory, file and JDBC journals do):
 *
 * <pre>{@code
 * class MyJournalContractTest extends IntentJournalContractTest {
 *   protected IntentJournal createJournal() { return new MyJournal(...); }
 * }
 * }</pre>
 *
 * <p>{@link #reopen} lets a durable journal show that what it holds survives a restart.
 */
public abstract class IntentJournalContractTest {
  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private IntentJournal journal;

  /** A new, empty journal; called before each test. */
  protected abstract IntentJournal createJournal();

  /** The same journal as a restarted process sees it; by default the one open. */
  protected IntentJournal reopen(IntentJournal open) {
    return open;
  }

  @BeforeEach
  void open() {
    journal = createJournal();
  }

  @AfterEach
  void close() {
    journal.close();
  }

  /** An entry on the terminal with this call id. */
  protected static JournalEntry entry(String providerReference, JournalPhase phase) {
    return JournalEntry.builder()
        .providerReference(providerReference)
        .terminal(
            Terminal.builder()
                .providerId("mellon")
                .tid("10000007")
                .callId("7")
                .label("Till|1\nfront")
                .build())
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(2480))
        .phase(phase)
        .createdAt(T0)
        .recordedAt(T0)
        .build();
  }

  @Test
  void everyFieldReadsBackAfterAReopenAndTheLatestStateWins() {
    JournalEntry full =
        JournalEntry.builder()
            .from(entry("INV|1%-A1", JournalPhase.SETTLED))
            .intentId("77")
            .statusCode(3)
            .resultCode(1)
            .document("B6A70F9F")
            .originalIntentId("70")
            .originalTransactionId("T-9")
            .recoveryRuns(2)
            .nextRecoveryAt(T0.plusSeconds(60))
            .resolvedBy("Maria")
            .resolution("APPROVED on slip")
            .recordedAt(T0.plusNanos(123_456_789))
            .build();
    journal.record(entry("INV|1%-A1", JournalPhase.PREPARED));
    journal.record(full);
    journal = reopen(journal);

    assertThat(journal.latest("INV|1%-A1")).contains(full);
    assertThat(journal.latest("NONE-A1")).isEmpty();
    assertThat(journal.attempts("NONE")).isEmpty();
  }

  @Test
  void attemptsOfAReferenceComeOldestFirstAndOnlyTheirs() {
    journal.record(entry("INV-9-A2", JournalPhase.IN_FLIGHT));
    journal.record(entry("INV-9-A1", JournalPhase.NOT_SENT));
    journal.record(entry("INV-90-A1", JournalPhase.SETTLED));
    journal.record(entry("INV-9-A1-A1", JournalPhase.SETTLED));

    assertThat(journal.attempts("INV-9"))
        .extracting(JournalEntry::providerReference)
        .containsExactly("INV-9-A1", "INV-9-A2");
  }

  @Test
  void inFlightListsExactlyTheAttemptsRecoveryMustAskAbout() {
    journal.record(entry("A-A1", JournalPhase.PREPARED));
    journal.record(entry("B-A1", JournalPhase.IN_FLIGHT));
    journal.record(entry("C-A1", JournalPhase.SETTLED));
    journal.record(entry("D-A1", JournalPhase.IN_FLIGHT));
    journal.record(entry("D-A1", JournalPhase.NOT_SENT));

    assertThat(journal.inFlight())
        .extracting(JournalEntry::providerReference)
        .containsExactlyInAnyOrder("A-A1", "B-A1");
  }

  @Test
  void watchedListsTheAttemptsCalledNotFoundUnlessFoundChargingNothingWithinTheHorizon() {
    journal.record(entry("A-A1", JournalPhase.NOT_FOUND));
    journal.record(entry("B-A1", JournalPhase.NOT_SENT));
    journal.record(entry("C-A1", JournalPhase.IN_FLIGHT));
    journal.record(
        JournalEntry.builder()
            .from(entry("D-A1", JournalPhase.NOT_FOUND))
            .intentId("41")
            .statusCode(3)
            .resultCode(2)
            .recordedAt(T0.plusSeconds(900))
            .build());
    journal.record(
        JournalEntry.builder()
            .from(entry("E-A1", JournalPhase.NOT_FOUND))
            .intentId("42")
            .statusCode(2)
            .recordedAt(T0.plusSeconds(900))
            .build());
    journal.record(
        JournalEntry.builder()
            .from(entry("F-A1", JournalPhase.NOT_FOUND))
            .createdAt(T0.minusSeconds(86_400))
            .recordedAt(T0.minusSeconds(86_000))
            .build());
    journal.record(
        JournalEntry.builder()
            .from(entry("G-A1", JournalPhase.NOT_FOUND))
            .intentId("43")
            .statusCode(3)
            .resultCode(1)
            .recordedAt(T0.plusSeconds(900))
            .build());
    journal = reopen(journal);

    // A: not found since; E: found still running; G: found approved, not handled yet
    assertThat(journal.watched(T0.minusSeconds(3_600)))
        .extracting(JournalEntry::providerReference)
        .containsExactlyInAnyOrder("A-A1", "E-A1", "G-A1");
  }

  @Test
  void byOriginalListsTheCreditsNamingAnOriginalByIntentIdOrTransactionId() {
    journal.record(
        JournalEntry.builder().from(entry("S-A1", JournalPhase.SETTLED)).intentId("70").build());
    journal.record(credit("RF1-A1", TransactionType.REFUND, "70", null));
    journal.record(credit("RF2-A1", TransactionType.REFUND, null, "T|70%"));
    journal.record(credit("VD-A1", TransactionType.VOID, "71", "T-71"));
    journal = reopen(journal);

    assertThat(journal.byOriginal(Optional.of("70"), Optional.of("T|70%")))
        .extracting(JournalEntry::providerReference)
        .containsExactlyInAnyOrder("RF1-A1", "RF2-A1");
    assertThat(journal.byOriginal(Optional.empty(), Optional.of("T-71")))
        .extracting(JournalEntry::providerReference)
        .containsExactly("VD-A1");
    assertThat(journal.byOriginal(Optional.of("72"), Optional.empty())).isEmpty();
  }

  private static JournalEntry credit(
      String providerReference, TransactionType kind, String intentId, String transactionId) {
    return JournalEntry.builder()
        .from(entry(providerReference, JournalPhase.SETTLED))
        .kind(kind)
        .originalIntentId(Optional.ofNullable(intentId))
        .originalTransactionId(Optional.ofNullable(transactionId))
        .build();
  }

  @Test
  void allHoldsEveryAttemptOnceInTheOrderFirstRecorded() {
    journal.record(entry("B-A1", JournalPhase.PREPARED));
    journal.record(entry("A-A1", JournalPhase.PREPARED));
    journal.record(entry("B-A1", JournalPhase.SETTLED));

    assertThat(journal.all())
        .extracting(JournalEntry::providerReference)
        .containsExactly("B-A1", "A-A1");
  }

  @Test
  void concurrentRecordsAllLand() throws Exception {
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      String ref = "C-" + i + "-A1";
      writes.add(
          CompletableFuture.runAsync(
              () -> {
                journal.record(entry(ref, JournalPhase.PREPARED));
                journal.record(entry(ref, JournalPhase.SETTLED));
              }));
    }
    CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).get(1, TimeUnit.MINUTES);
    journal = reopen(journal);

    assertThat(journal.all())
        .hasSize(32)
        .allSatisfy(e -> assertThat(e.phase()).isEqualTo(JournalPhase.SETTLED));
  }
}
