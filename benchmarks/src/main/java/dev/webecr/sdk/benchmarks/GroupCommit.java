package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N threads write payments' records into one file journal as fast as they can (each payment: the
 * attempt about to be sent, forced, then two later states): payments per second, and how long the
 * forced record took, median and 95th percentile. With one thread it is one fsync a payment; with
 * many, records that arrive during a force should share the next one. Three rounds.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.GroupCommit 20 100
 * }</pre>
 */
public final class GroupCommit {
  private GroupCommit() {}

  /** Arguments: threads (default 20), payments per thread (default 100). */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    JournalEntry base =
        JournalEntry.builder()
            .providerReference("X-A1")
            .terminal(
                Terminal.builder().providerId("mellon").tid("64999964").callId("358046").build())
            .kind(TransactionType.SALE)
            .amount(Money.euroCents(2480))
            .phase(JournalPhase.PREPARED)
            .createdAt(now)
            .recordedAt(now)
            .build();
    for (int round = 0; round < 3; round++) {
      Path dir = Files.createTempDirectory("webecr-group-commit");
      List<Long> forced = new CopyOnWriteArrayList<>();
      AtomicLong seq = new AtomicLong();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      double wall;
      try (IntentJournal journal = Journals.file(dir.resolve("journal"))) {
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          runs.add(
              pool.submit(
                  () -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                      JournalEntry p =
                          JournalEntry.builder()
                              .from(base)
                              .providerReference("P-" + seq.incrementAndGet() + "-A1")
                              .build();
                      long start = System.nanoTime();
                      journal.record(p);
                      forced.add(System.nanoTime() - start);
                      journal.record(
                          JournalEntry.builder().from(p).phase(JournalPhase.IN_FLIGHT).build());
                      journal.record(
                          JournalEntry.builder().from(p).phase(JournalPhase.SETTLED).build());
                    }
                    return null;
                  }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> run : runs) {
          run.get();
        }
        wall = (System.nanoTime() - start) / 1e9;
      } finally {
        pool.shutdown();
      }
      List<Long> sorted = new ArrayList<>(forced);
      Collections.sort(sorted);
      System.out.printf(
          "%d threads x %d payments: %.0f payments/s; the forced record: median %.2f ms,"
              + " p95 %.2f ms%n",
          threads,
          perThread,
          threads * perThread / wall,
          sorted.get(sorted.size() / 2) / 1e6,
          sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }
  }
}
