package dev.webecr.sdk.internal;

import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.spi.JournalEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded journal: an append-only file of {@link JournalLineCodec} lines, fsync'd on every
 * record. On open, a torn last line (a crash mid-write) is cut off; corruption anywhere else
 * stops the open rather than lose a payment. Compaction rewrites the file with the latest line
 * per attempt, dropping settled attempts older than the retention, and swaps it in atomically.
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
      journal.compact();
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
    int start = 0;
    int lineNumber = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      lineNumber++;
      String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
      Optional<JournalEntry> entry = JournalLineCodec.decode(line);
      boolean last = i == bytes.length - 1;
      if (entry.isPresent()) {
        super.record(entry.get());
        linesInFile++;
      } else if (!last) {
        throw new JournalException("journal " + path + " is corrupt at line " + lineNumber
            + "; keep the file and contact support", null);
      } else {
        bytes = truncate(bytes, start);
        break;
      }
      start = i + 1;
    }
    if (start < bytes.length) {
      truncate(bytes, start); // torn last line without its newline
    }
  }

  private byte[] truncate(byte[] bytes, int length) throws IOException {
    channel.truncate(length);
    channel.force(true);
    return java.util.Arrays.copyOf(bytes, length);
  }

  private void openChannel() throws IOException {
    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new JournalException("journal " + path + " is in use by another client", null);
    }
    channel.position(channel.size());
  }

  @Override
  public synchronized void record(JournalEntry entry) {
    if (channel == null) {
      throw new JournalException("journal " + path + " is closed", null);
    }
    try {
      append(entry);
    } catch (IOException e) {
      throw new JournalException("cannot write the journal " + path, e);
    }
    super.record(entry);
    if (linesInFile > 2 * size() + 256) {
      try {
        compact();
      } catch (IOException e) {
        throw new JournalException("cannot compact the journal " + path, e);
      }
    }
  }

  private void append(JournalEntry entry) throws IOException {
    ByteBuffer line = ByteBuffer.wrap(
        (JournalLineCodec.encode(entry) + "\n").getBytes(StandardCharsets.UTF_8));
    while (line.hasRemaining()) {
      channel.write(line);
    }
    channel.force(false);
    linesInFile++;
  }

  private synchronized void compact() throws IOException {
    Instant horizon = clock.instant().minus(retention);
    List<JournalEntry> keep = new ArrayList<>();
    for (JournalEntry e : all()) {
      if (e.phase().isInFlight() || e.recordedAt().isAfter(horizon)) {
        keep.add(e);
      } else {
        forget(e.providerReference());
      }
    }
    if (keep.size() == linesInFile) {
      return;
    }
    Path tmp = path.resolveSibling(path.getFileName() + ".compact");
    StringBuilder text = new StringBuilder();
    for (JournalEntry e : keep) {
      text.append(JournalLineCodec.encode(e)).append('\n');
    }
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      out.force(true);
    }
    closeQuietly();
    try {
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }
    fsyncDirectory();
    openChannel();
    linesInFile = keep.size();
  }

  private void fsyncDirectory() {
    Path dir = path.getParent();
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException e) {
      // Not every platform can open a directory; the rename itself is still atomic.
    }
  }

  /** How many lines the file holds now: for tests of compaction. */
  synchronized int linesInFile() {
    return linesInFile;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }

  private void closeQuietly() {
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
