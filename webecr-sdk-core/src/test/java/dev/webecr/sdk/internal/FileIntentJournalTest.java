package dev.webecr.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIntentJournalTest {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("j").resolve("webecr.journal");
  }

  static JournalEntry entry(String ref, JournalPhase phase, Instant at) {
    return JournalEntry.builder()
        .providerReference(ref)
        .terminal(
            Terminal.builder()
                .providerId("mellon")
                .tid("123|45")
                .callId("9")
                .label("Till 1\nfront")
                .apiKey(ApiKey.of("SECRET-KEY"))
                .build())
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(2480))
        .phase(phase)
        .createdAt(T0)
        .recordedAt(at)
        .build();
  }

  @Test
  void entriesSurviveReopeningWithEveryField() {
    JournalEntry written =
        JournalEntry.builder()
            .from(entry("INV|1%-A1", JournalPhase.SETTLED, T0))
            .intentId("77")
            .statusCode(3)
            .resultCode(1)
            .build();
    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      j.record(entry("INV|1%-A1", JournalPhase.PREPARED, T0));
      j.record(written);
    }

    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      assertThat(j.latest("INV|1%-A1")).contains(written);
      assertThat(j.attempts("INV|1%")).containsExactly(written);
    }
  }

  @Test
  void theFileHoldsNoApiKey() throws IOException {
    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      j.record(entry("A-A1", JournalPhase.PREPARED, T0));
    }
    assertThat(Files.readString(file())).doesNotContain("SECRET-KEY");
  }

  @Test
  void aTornLastLineIsCutOffAndTheRestKept() throws IOException {
    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      j.record(entry("A-A1", JournalPhase.PREPARED, T0));
      j.record(entry("B-A1", JournalPhase.PREPARED, T0));
    }
    String full = Files.readString(file());
    Files.writeString(file(), full.substring(0, full.length() - 20)); // crash mid-write

    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      assertThat(j.latest("A-A1")).isPresent();
      assertThat(j.latest("B-A1")).isEmpty();
      j.record(entry("C-A1", JournalPhase.PREPARED, T0));
    }
    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      assertThat(j.all())
          .extracting(JournalEntry::providerReference)
          .containsExactly("A-A1", "C-A1");
    }
  }

  @Test
  void aGarbledLastLineWithItsNewlineIsAlsoCutOff() throws IOException {
    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      j.record(entry("A-A1", JournalPhase.PREPARED, T0));
    }
    Files.writeString(file(), "1|half a line\n", StandardOpenOption.APPEND);

    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      assertThat(j.all()).hasSize(1);
    }
  }

  @Test
  void corruptionBeforeTheLastLineStopsTheOpen() throws IOException {
    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      j.record(entry("A-A1", JournalPhase.PREPARED, T0));
      j.record(entry("B-A1", JournalPhase.PREPARED, T0));
    }
    List<String> lines = Files.readAllLines(file());
    Files.write(
        file(),
        List.of(lines.get(0).replace("2480", "9999"), lines.get(1)),
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FileIntentJournal.open(file()))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void compactionKeepsTheLatestLinePerAttemptAndDropsOldSettledOnes() {
    Instant later = T0.plus(Duration.ofDays(100));
    Clock clock = Clock.fixed(later, ZoneOffset.UTC);
    try (FileIntentJournal j = FileIntentJournal.open(file(), Duration.ofDays(90), clock)) {
      j.record(entry("OLD-A1", JournalPhase.PREPARED, T0));
      j.record(entry("OLD-A1", JournalPhase.SETTLED, T0));
      j.record(entry("OPEN-A1", JournalPhase.PREPARED, T0));
      for (int i = 0; i < 300; i++) {
        j.record(
            entry("NEW-A1", i % 2 == 0 ? JournalPhase.IN_FLIGHT : JournalPhase.SETTLED, later));
      }
      assertThat(j.linesInFile()).isLessThan(300);
    }

    try (FileIntentJournal j = FileIntentJournal.open(file(), Duration.ofDays(90), clock)) {
      assertThat(j.all())
          .extracting(JournalEntry::providerReference)
          .containsExactlyInAnyOrder("OPEN-A1", "NEW-A1");
      // Opening compacts only when it pays: the file stays within the compaction bound.
      assertThat(j.linesInFile()).isLessThanOrEqualTo(2 * 2 + 256);
      assertThat(j.latest("NEW-A1").get().phase()).isEqualTo(JournalPhase.SETTLED);
      assertThat(j.attempts("OLD")).isEmpty();
      assertThat(j.attempts("NEW"))
          .extracting(JournalEntry::providerReference)
          .containsExactly("NEW-A1");
    }
  }

  @Test
  void openingDropsSettledAttemptsPastTheRetentionAndKeepsTheRest() {
    try (FileIntentJournal j = FileIntentJournal.open(file())) {
      j.record(entry("NEWER-A1", JournalPhase.SETTLED, T0.plus(Duration.ofDays(20))));
      j.record(entry("OLD-A1", JournalPhase.SETTLED, T0));
      j.record(entry("OPEN-A1", JournalPhase.PREPARED, T0));
    }
    Clock clock = Clock.fixed(T0.plus(Duration.ofDays(100)), ZoneOffset.UTC);

    try (FileIntentJournal j = FileIntentJournal.open(file(), Duration.ofDays(90), clock)) {
      assertThat(j.all())
          .extracting(JournalEntry::providerReference)
          .containsExactly("NEWER-A1", "OPEN-A1");
      assertThat(j.linesInFile()).isEqualTo(2);
    }
  }

  @Test
  void oneClientAtATimeAndNoWritesAfterClose() {
    FileIntentJournal j = FileIntentJournal.open(file());
    assertThatThrownBy(() -> FileIntentJournal.open(file()))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("in use");
    j.close();
    assertThatThrownBy(() -> j.record(entry("A-A1", JournalPhase.PREPARED, T0)))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aPowerCutKeepsEveryAttemptSentAndLosesOnlyStatesRecoveryCanAskFor() throws IOException {
    FileIntentJournal journal = FileIntentJournal.open(file());
    journal.record(entry("A-A1", JournalPhase.PREPARED, T0));
    long afterFirst = journal.durableLength();
    journal.record(entry("A-A1", JournalPhase.IN_FLIGHT, T0.plusSeconds(1)));
    long unforced = journal.durableLength();
    journal.record(entry("B-A1", JournalPhase.PREPARED, T0.plusSeconds(2)));
    long afterSecond = journal.durableLength();
    journal.record(entry("A-A1", JournalPhase.SETTLED, T0.plusSeconds(3)));
    long fileLength = Files.size(file());
    byte[] onDisk = java.util.Arrays.copyOf(Files.readAllBytes(file()), (int) afterSecond + 7);
    journal.close();
    Path cut = dir.resolve("after-power-cut.journal");
    Files.write(cut, onDisk); // what was forced, and a torn start of the unforced line

    FileIntentJournal reopened = FileIntentJournal.open(cut);

    assertThat(afterFirst).isPositive();
    assertThat(unforced).isEqualTo(afterFirst); // a later state alone forces nothing
    assertThat(afterSecond).isGreaterThan(unforced).isLessThan(fileLength);
    assertThat(reopened.latest("A-A1"))
        .get()
        .extracting(JournalEntry::phase)
        .isEqualTo(JournalPhase.IN_FLIGHT); // the next forced record carried it to disk
    assertThat(reopened.latest("B-A1"))
        .get()
        .extracting(JournalEntry::phase)
        .isEqualTo(JournalPhase.PREPARED);
    reopened.close();
  }

  @Test
  void closingForcesTheStatesWrittenSinceTheLastForcedRecord() {
    FileIntentJournal journal = FileIntentJournal.open(file());
    journal.record(entry("C-A1", JournalPhase.PREPARED, T0));
    journal.record(entry("C-A1", JournalPhase.SETTLED, T0.plusSeconds(1)));
    long beforeClose = journal.durableLength();
    long written = file().toFile().length();

    journal.close();
    FileIntentJournal reopened = FileIntentJournal.open(file());

    assertThat(reopened.latest("C-A1"))
        .get()
        .extracting(JournalEntry::phase)
        .isEqualTo(JournalPhase.SETTLED);
    assertThat(beforeClose).isLessThan(written); // the settled line was not forced before
    reopened.close();
  }
}
