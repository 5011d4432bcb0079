package dev.webecr.sdk.internal;

import static dev.webecr.sdk.internal.FileIntentJournalTest.T0;
import static dev.webecr.sdk.internal.FileIntentJournalTest.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.webecr.sdk.spi.JournalPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's grouped force: a record that must be durable returns only once its line is on disk,
 * whoever forced it, and a thread's interrupt neither cuts the wait short nor closes the file for
 * the other payments.
 */
class JournalForceTest {
  @TempDir Path dir;

  @Test
  void concurrentRecordsReturnOnlyOnceTheirLineIsOnDisk() throws Exception {
    JournalFile file = JournalFile.open(dir.resolve("forced"));
    Object appends = new Object(); // the journal serialises appends; so does this test
    ConcurrentLinkedQueue<String> early = new ConcurrentLinkedQueue<>();
    ExecutorService tills = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < 16; t++) {
        int till = t;
        done.add(
            tills.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 100; i++) {
                    long end;
                    synchronized (appends) {
                      end = file.append(("till " + till + " record " + i + "\n").getBytes());
                    }
                    file.awaitDurable(end);
                    if (file.durableLength() < end) {
                      early.add(
                          till + "/" + i + " returned at " + file.durableLength() + " < " + end);
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      tills.shutdownNow();
      file.close();
    }
    assertThat(early).isEmpty();
  }

  @Test
  void aRecordWrittenBeforeACompactionIsDurableWithTheCompactedFile() throws Exception {
    JournalFile file = JournalFile.open(dir.resolve("compacted"));
    try {
      long end = 0;
      for (int i = 0; i < 10; i++) {
        end = file.append(("a record to compact away, number " + i + "\n").getBytes());
      }
      file.replaceWith("kept\n".getBytes()); // shorter than what was written: forced whole
      long before = end;

      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> file.awaitDurable(before));
      long after = file.append("written after\n".getBytes());
      assertThat(after).as("offsets keep growing across a swap").isGreaterThan(before);
      file.awaitDurable(after);
      assertThat(file.durableLength()).isEqualTo(Files.size(dir.resolve("compacted")));
    } finally {
      file.close();
    }
  }

  @Test
  void aRecordOnAnInterruptedThreadIsForcedAndLeavesTheJournalOpen() throws Exception {
    Path path = dir.resolve("j").resolve("webecr.journal");
    try (FileIntentJournal journal = FileIntentJournal.open(path)) {
      Thread.currentThread().interrupt(); // e.g. an ERP's executor shut down with shutdownNow
      try {
        journal.record(entry("A-A1", JournalPhase.PREPARED, T0));
      } finally {
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
      }
      assertThat(journal.durableLength()).isEqualTo(Files.size(path));

      journal.record(entry("B-A1", JournalPhase.PREPARED, T0)); // the file is still open
    }
    try (FileIntentJournal reopened = FileIntentJournal.open(path)) {
      assertThat(reopened.latest("A-A1")).isPresent();
      assertThat(reopened.latest("B-A1")).isPresent();
    }
  }
}
