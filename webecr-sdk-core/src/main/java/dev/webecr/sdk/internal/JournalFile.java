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

/**
 * The file under a {@link FileIntentJournal}: locked against a second client, appended to, forced
 * so that concurrent records waiting for the disk share one force, and swapped whole on compaction.
 */
final class JournalFile {
  private final Path path;
  private FileChannel channel;
  private FileLock lock;

  /**
   * Bytes written: set by appends (which the journal serialises) without {@link #forceLock}, so
   * that records keep being appended while a force runs and the next force takes them all at once.
   */
  private volatile long written;

  /** Bytes known to be on disk; guarded by {@link #forceLock}. */
  private long durable;

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
    file.openChannel();
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
      written = channel.size();
      durable = written;
    }
  }

  /** Writes {@code line} (not forced); returns the file's length after it. Callers serialise. */
  long append(byte[] line) throws IOException {
    if (channel == null) {
      throw new JournalException("journal " + path + " is closed", null);
    }
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    long end = channel.position();
    written = end; // never behind a force: the next force takes this line too
    return end;
  }

  /**
   * Returns once the file is on disk up to {@code end}. One caller forces for every record written
   * before it started; those waiting behind it find their record already durable.
   */
  void awaitDurable(long end) {
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

  /** Replaces the whole file with {@code content}, forced, atomically. */
  void replaceWith(byte[] content) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".compact");
    Directories.writeForced(tmp, content);
    synchronized (forceLock) { // no force may run on the channel being swapped
      close();
      Directories.replace(tmp, path);
      openChannel();
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
      channel.close();
      channel = null;
      throw new JournalException("journal " + path + " is in use by another client", null);
    }
    channel.position(channel.size());
    synchronized (forceLock) {
      written = channel.size();
      durable = written;
    }
  }
}
