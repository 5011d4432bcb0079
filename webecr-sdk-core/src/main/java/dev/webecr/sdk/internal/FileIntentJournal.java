package dev.webecr.sdk.internal;

import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The embedded journal: an append-only file of {@link JournalLineCodec} lines. A record whose loss
 * could charge twice (an attempt about to be sent, a person's resolution) is on disk before {@link
 * #record} returns, concurrent ones sharing one force; later states are written at once and forced
 * with the next such record or on close (a crash that loses them loses nothing: recovery asks the
 * provider). A torn last line is cut off on open; corruption elsewhere stops the open. Compaction
 * keeps the latest line per attempt, drops settled attempts past the retention, and swaps the file
 * atomically.
 */
public final class FileIntentJournal implements IntentJournal {
  /** Settled attempts are kept this long, so paying again with their reference stays safe. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

  /** The latest entry per attempt: what the file says once its superseded lines are skipped. */
  private final InMemoryIntentJournal index = new InMemoryIntentJournal();

  private final Path path;
  private final Duration retention;
  private final Clock clock;
  private JournalFile file;
  private int linesInFile;

  private FileIntentJournal(Path path, Duration retention, Clock clock) {
    this.path = path;
    this.retention = retention;
    this.clock = clock;
  }

  /** Opens (or creates) the journal at {@code path}, with the default retention. */
  public static FileIntentJournal open(Path path) {
    return open(path, DEFAULT_RETENTION, Clock.systemUTC());
  }

  /** Opens (or creates) the journal at {@code path}. */
  public static FileIntentJournal open(Path path, Duration retention, Clock clock) {
    FileIntentJournal journal = new FileIntentJournal(path.toAbsolutePath(), retention, clock);
    try {
      long oldestSettled = journal.load();
      if (journal.worthCompacting(oldestSettled)) {
        journal.compact();
      }
    } catch (IOException e) {
      journal.closeQuietly();
      throw new JournalException("cannot open the journal " + path, e);
    } catch (RuntimeException e) {
      journal.closeQuietly();
      throw e;
    }
    return journal;
  }

  /** Reads the file into the index; returns when its oldest settled line was recorded (ms). */
  private long load() throws IOException {
    file = JournalFile.open(path);
    byte[] bytes = file.readAll();
    JournalFileScan scan = JournalFileScan.of(bytes);
    if (scan.corruptLine > 0) {
      throw corrupt("line " + scan.corruptLine);
    }
    if (scan.wholeLength < bytes.length) {
      file.truncate(scan.wholeLength); // a torn last line: the crash came mid-write
    }
    linesInFile = scan.lines;
    String undecodable = scan.firstUndecodableInFlight();
    if (undecodable != null) {
      throw corrupt("attempt " + undecodable);
    }
    index.adopt(scan.latest, scan.notableLatest());
    return scan.oldestSettled;
  }

  private JournalException corrupt(String where) {
    return new JournalException(
        "journal " + path + " is corrupt at " + where + "; keep the file and contact support",
        null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A thread's interrupt is set aside while the line is written and forced, then restored: a
   * {@code FileChannel} closes itself when an interrupted thread uses it, and with it the journal
   * for every payment (an ERP's executor shut down with {@code shutdownNow}, say).
   */
  @Override
  public void record(JournalEntry entry) {
    boolean interrupted = Thread.interrupted();
    try {
      write(entry);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write(JournalEntry entry) {
    long end;
    synchronized (this) {
      try {
        end = file.append((JournalLineCodec.encode(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        linesInFile++;
      } catch (IOException e) {
        throw new JournalException("cannot write the journal " + path, e);
      }
      index.record(entry);
      if (manySuperseded() && compactOrFail()) {
        return; // the compacted file was forced whole
      }
    }
    if (mustBeDurable(entry)) {
      file.awaitDurable(end);
    }
  }

  /** On disk before the payment goes on: an attempt before its create, a person's word. */
  static boolean mustBeDurable(JournalEntry entry) {
    return entry.phase() == JournalPhase.PREPARED || entry.resolvedBy().isPresent();
  }

  @Override
  public Optional<JournalEntry> latest(String providerReference) {
    return index.latest(providerReference);
  }

  @Override
  public List<JournalEntry> attempts(String reference) {
    return index.attempts(reference);
  }

  @Override
  public List<JournalEntry> all() {
    return index.all();
  }

  @Override
  public List<JournalEntry> inFlight() {
    return index.inFlight();
  }

  @Override
  public List<JournalEntry> watched(Instant createdAfter) {
    return index.watched(createdAfter);
  }

  @Override
  public List<JournalEntry> byOriginal(Optional<String> intentId, Optional<String> transactionId) {
    return index.byOriginal(intentId, transactionId);
  }

  /** Bytes known to be on disk: what a power cut leaves at least (tests). */
  long durableLength() {
    return file.durableLength();
  }

  private boolean compactOrFail() {
    try {
      return compact();
    } catch (IOException e) {
      throw new JournalException("cannot compact the journal " + path, e);
    }
  }

  /** True when most of the file's lines are superseded by a later line of their attempt. */
  private boolean manySuperseded() {
    return linesInFile > 2 * index.size() + 256;
  }

  /**
   * True when many lines are superseded, or a settled line (the oldest recorded at {@code
   * oldestSettled}, epoch ms) is older than the retention: its attempt is dropped, or the line is
   * superseded; either way compaction shrinks the file.
   */
  private boolean worthCompacting(long oldestSettled) {
    return manySuperseded() || oldestSettled <= clock.instant().minus(retention).toEpochMilli();
  }

  /** Rewrites the file with the latest line per attempt; false when nothing was dropped. */
  private synchronized boolean compact() throws IOException {
    Instant horizon = clock.instant().minus(retention);
    int kept = 0;
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (HeldEntry h : index.held()) {
      if (h.inFlight() || h.recordedAfter(horizon)) {
        text.write(h.line()); // a line never decoded is copied as it was read
        text.write('\n');
        kept++;
      } else {
        index.forget(h.key());
      }
    }
    if (kept == linesInFile) {
      return false;
    }
    file.replaceWith(text.toByteArray());
    linesInFile = kept;
    return true;
  }

  /** Lines the file holds now (tests of compaction). */
  synchronized int linesInFile() {
    return linesInFile;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (file != null) {
      file.close();
    }
  }

  @Override
  public String toString() {
    return "FileIntentJournal{" + path + "}";
  }

  @Override
  public String backend() {
    return "file";
  }
}
