package dev.webecr.sdk.internal;

import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The embedded journal: an append-only file of {@link JournalLineCodec} lines. A record whose loss
 * could charge twice (an attempt about to be sent, a person's resolution) is on disk before {@link
 * #record} returns, concurrent ones sharing one force; later states are written at once and forced
 * with the next such record or on close (a crash that loses them loses nothing: recovery asks the
 * provider). A torn last line is cut off on open; corruption elsewhere stops the open. Compaction
 * keeps the latest line per attempt, drops settled attempts past the retention, and swaps the file
 * atomically.
 */
public final class FileIntentJournal extends InMemoryIntentJournal {
  /** Settled attempts are kept this long, so paying again with their reference stays safe. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

  private final Path path;
  private final Duration retention;
  private final Clock clock;
  private FileChannel channel;
  private FileLock lock;
  private int linesInFile;

  /** Bytes written, and bytes known to be on disk; guarded by {@link #forceLock}. */
  private long written;

  private long durable;
  private final Object forceLock = new Object();

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
      journal.load();
      if (journal.worthCompacting()) {
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

  private void load() throws IOException {
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    openChannel();
    byte[] bytes = Files.readAllBytes(path);
    JournalFileScan scan = JournalFileScan.of(bytes);
    if (scan.corruptLine > 0) {
      throw corrupt("line " + scan.corruptLine);
    }
    if (scan.wholeLength < bytes.length) {
      truncate(scan.wholeLength); // a torn last line: the crash came mid-write
    }
    linesInFile = scan.lines;
    String undecodable = scan.firstUndecodableInFlight();
    if (undecodable != null) {
      throw corrupt("attempt " + undecodable);
    }
    adopt(scan.latest);
  }

  private JournalException corrupt(String where) {
    return new JournalException(
        "journal " + path + " is corrupt at " + where + "; keep the file and contact support",
        null);
  }

  private void truncate(int length) throws IOException {
    channel.truncate(length);
    channel.force(true);
  }

  private void openChannel() throws IOException {
    channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new JournalException("journal " + path + " is in use by another client", null);
    }
    channel.position(channel.size());
    synchronized (forceLock) {
      written = channel.size();
      durable = written;
    }
  }

  @Override
  public void record(JournalEntry entry) {
    long end;
    synchronized (this) {
      if (channel == null) {
        throw new JournalException("journal " + path + " is closed", null);
      }
      try {
        end = append(entry);
      } catch (IOException e) {
        throw new JournalException("cannot write the journal " + path, e);
      }
      super.record(entry);
      if (linesInFile > 2 * size() + 256 && compactOrFail()) {
        return; // the compacted file was forced whole
      }
    }
    if (mustBeDurable(entry)) {
      awaitDurable(end);
    }
  }

  /** On disk before the payment goes on: an attempt before its create, a person's word. */
  static boolean mustBeDurable(JournalEntry entry) {
    return entry.phase() == JournalPhase.PREPARED || entry.resolvedBy().isPresent();
  }

  /**
   * Returns once the file is on disk up to {@code end}. One caller forces for every record written
   * before it started; those waiting behind it find their record already durable.
   */
  private void awaitDurable(long end) {
    synchronized (forceLock) {
      if (durable >= end) {
        return;
      }
      long target = written;
      try {
        if (channel == null) {
          throw new JournalException("journal " + path + " is closed", null);
        }
        channel.force(false);
      } catch (IOException e) {
        throw new JournalException("cannot write the journal " + path, e);
      }
      durable = target;
    }
  }

  /** Bytes known to be on disk: what a power cut leaves at least (tests). */
  long durableLength() {
    synchronized (forceLock) {
      return durable;
    }
  }

  /** Writes one line (not forced); returns the file's length after it. */
  private long append(JournalEntry entry) throws IOException {
    ByteBuffer line =
        ByteBuffer.wrap((JournalLineCodec.encode(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    while (line.hasRemaining()) {
      channel.write(line);
    }
    linesInFile++;
    synchronized (forceLock) {
      written = channel.position();
      return written;
    }
  }

  private boolean compactOrFail() {
    try {
      return compact();
    } catch (IOException e) {
      throw new JournalException("cannot compact the journal " + path, e);
    }
  }

  /** True when many lines are superseded, or settled attempts have passed the retention. */
  private boolean worthCompacting() {
    if (linesInFile > 2 * size() + 256) {
      return true;
    }
    Instant horizon = clock.instant().minus(retention);
    return held().stream()
        .anyMatch(e -> !e.getValue().inFlight() && !e.getValue().recordedAfter(horizon));
  }

  /** Rewrites the file with the latest line per attempt; false when nothing was dropped. */
  private synchronized boolean compact() throws IOException {
    Instant horizon = clock.instant().minus(retention);
    int kept = 0;
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (Map.Entry<String, HeldEntry> e : held()) {
      HeldEntry h = e.getValue();
      if (h.inFlight() || h.recordedAfter(horizon)) {
        text.write(h.line()); // a line never decoded is copied as it was read
        text.write('\n');
        kept++;
      } else {
        forget(e.getKey());
      }
    }
    if (kept == linesInFile) {
      return false;
    }
    Path tmp = path.resolveSibling(path.getFileName() + ".compact");
    Directories.writeForced(tmp, text.toByteArray());
    synchronized (forceLock) { // no force may run on the channel being swapped
      closeQuietly();
      Directories.replace(tmp, path);
      openChannel();
      written = channel.size();
      durable = written;
    }
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
    synchronized (forceLock) {
      try {
        if (channel != null && channel.isOpen() && written > durable) {
          channel.force(false); // the later states written since the last forced record
          durable = written;
        }
      } catch (IOException e) {
        // closing: recovery asks the provider about anything not on disk
      }
    }
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // closing: nothing left to save
    }
    lock = null;
    channel = null;
  }

  @Override
  public String toString() {
    return "FileIntentJournal{" + path + "}";
  }
}
