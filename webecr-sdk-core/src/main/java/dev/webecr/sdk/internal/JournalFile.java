package dev.webecr.sdk.internal;

import dev.webecr.sdk.JournalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The file under a {@link FileIntentJournal}: locked against a second client, appended to, forced
 * so that concurrent records waiting for the disk share one force, and swapped whole on compaction.
 */
final class JournalFile {
  private final Path path;
  private FileChannel channel;
  private FileLock lock;

  /**
   * Offsets are logical: they keep growing across a swap, so that a record written before a
   * compaction, which the compacted file holds forced, is never waited for past it. The file's own
   * length is the offset less this.
   */
  private volatile long base;

  /**
   * Bytes written: set by appends (which the journal serialises) without {@link #forceLock}, so
   * that records keep being appended while a force runs and the next force takes them all at once.
   */
  private volatile long written;

  /** Bytes known to be on disk; set under {@link #forceLock}, read by waiters without it. */
  private volatile long durable;

  /** The force running now, if one is: records written after it began wait, then force again. */
  private final AtomicReference<DiskForce> forcing = new AtomicReference<>();

  private final Object forceLock = new Object();

  private JournalFile(Path path) {
    this.path = path;
  }

  /** Opens (or creates) {@code path} and locks it; a file another client holds is refused. */
  static JournalFile open(Path path) throws IOException {
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    JournalFile file = new JournalFile(path);
    file.openChannel(0);
    return file;
  }

  Path path() {
    return path;
  }

  /**
   * The whole content, as it is on disk now, read through the open channel a megabyte at a time:
   * {@code Files.readAllBytes} reads a large file through a temporary direct buffer as large as the
   * file, then copies it (a third of opening a journal of a million attempts).
   */
  byte[] readAll() throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 8) {
      throw new JournalException("journal " + path + " is larger than 2 GB", null);
    }
    byte[] bytes = new byte[(int) size];
    int at = 0;
    while (at < bytes.length) {
      int read =
          channel.read(ByteBuffer.wrap(bytes, at, Math.min(READ_SLICE, bytes.length - at)), at);
      if (read < 0) {
        return Arrays.copyOf(bytes, at); // cut meanwhile: what is there
      }
      at += read;
    }
    return bytes;
  }

  private static final int READ_SLICE = 1 << 20;

  /** Cuts the file to {@code length} bytes, on disk at once (a torn last line). */
  void truncate(int length) throws IOException {
    channel.truncate(length);
    channel.force(true);
    synchronized (forceLock) {
      written = base + channel.size();
      durable = written;
    }
  }

  /** Writes {@code line} (not forced); returns its end's offset. Callers serialise. */
  long append(byte[] line) throws IOException {
    if (channel == null) {
      throw new JournalException("journal " + path + " is closed", null);
    }
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    long end = base + channel.position();
    written = end; // never behind a force: the next force takes this line too
    return end;
  }

  /**
   * Returns once the file is on disk up to {@code end}. One caller forces for every record written
   * before it started; the others wait for that force without a lock and are woken together when it
   * ends, then find their record durable or force the rest. (Waiting on the force's monitor woke
   * them one by one: each had to be scheduled, take it, and pass it on, a chain that on a busy
   * machine made the last create of a burst leave milliseconds after its record was on disk.)
   */
  void awaitDurable(long end) {
    boolean interrupted = false;
    while (durable < end) {
      DiskForce running = forcing.get();
      if (running != null) {
        interrupted |= running.await();
      } else {
        DiskForce mine = new DiskForce();
        if (forcing.compareAndSet(null, mine)) {
          try {
            forceWritten();
          } finally {
            forcing.set(null);
            mine.finish();
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt(); // waited through it: the record had to be on disk
    }
  }

  /** Forces everything written so far; {@link #durable} follows. */
  private void forceWritten() {
    synchronized (forceLock) { // against a swap or a close of the channel, not other records
      long target = written;
      if (durable >= target) {
        return;
      }
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
    return durable - base;
  }

  /** Replaces the whole file with {@code content}, forced, atomically. */
  void replaceWith(byte[] content) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".compact");
    Directories.writeForced(tmp, content);
    synchronized (forceLock) { // no force may run on the channel being swapped
      long floor = written; // all of it is in the compacted file, which is forced
      close();
      Directories.replace(tmp, path);
      openChannel(floor);
    }
  }

  /** Forces what was written since the last force, then releases the file. */
  void close() {
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

  /** Opens the channel at its end, whose offset is at least {@code floor}. */
  private void openChannel(long floor) throws IOException {
    channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      channel = null;
      throw new JournalException("journal " + path + " is in use by another client", null);
    }
    long size = channel.size();
    channel.position(size);
    synchronized (forceLock) {
      base = Math.max(floor, size) - size;
      written = base + size;
      durable = written;
    }
  }
}
