package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a journal file's bytes, in stretches read side by side ({@link JournalChunk}):
 * every line's checksum checked in place and its shape read, each attempt's latest line held (in
 * order of first appearance) undecoded, so that opening decodes only what is in flight. A broken
 * last line is a torn write; a broken line before it, or a whole line of the wrong shape anywhere,
 * is corruption.
 */
final class JournalFileScan {
  /** Provider reference to its latest line. */
  final HeldTable latest;

  /**
   * The lines in flight or of an attempt after the first, in file order, superseded or not: all the
   * journal's index must look at beyond {@link #latest} (a pass over a million settled first
   * attempts costs more than the rest of the index).
   */
  final List<HeldEntry> notable = new ArrayList<>();

  /**
   * The earliest time a settled line was recorded, superseded or not, epoch milliseconds (max value
   * when none): whether settled attempts may have passed the retention, known without a pass.
   */
  long oldestSettled = Long.MAX_VALUE;

  /** Whole lines read. */
  int lines;

  /** Bytes up to the end of the last whole line. */
  int wholeLength;

  /** The 1-based number of a broken line that is not the last; 0 when none. */
  int corruptLine;

  private JournalFileScan(int expectedLines) {
    latest = new HeldTable(expectedLines);
  }

  /** Below this many bytes a file is read on one thread: starting another costs more. */
  static final int STRETCH = 4 << 20;

  /** At most this many threads read at once: a large server's cores would each get a sliver. */
  static final int MAX_READERS = 8;

  static JournalFileScan of(byte[] bytes) {
    return of(bytes, STRETCH, Math.min(MAX_READERS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Reads {@code bytes} in stretches of at least {@code stretch} bytes on up to {@code threads}
   * threads (opening a journal of a million attempts within a second takes every core), then holds
   * the lines in file order on this one.
   */
  static JournalFileScan of(byte[] bytes, int stretch, int threads) {
    int count = Math.max(1, Math.min(threads, bytes.length / Math.max(1, stretch)));
    List<JournalChunk> stretches = new ArrayList<>();
    int from = 0;
    for (int c = 1; c <= count; c++) {
      // each stretch but the last ends just past a newline, so every one starts a line
      int to =
          c == count ? bytes.length : lineEndAfter(bytes, (int) ((long) bytes.length * c / count));
      if (to > from || stretches.isEmpty()) {
        stretches.add(new JournalChunk(bytes, from, to));
        from = to;
      }
    }
    JournalChunk[] chunks = stretches.toArray(new JournalChunk[0]);
    readAll(chunks, new HashMap<>());
    JournalFileScan scan = new JournalFileScan(bytes.length / 200); // lines are ~250 bytes
    for (JournalChunk chunk : chunks) {
      for (int i = 0; i < chunk.lines; i++) {
        HeldEntry line = chunk.held[i];
        scan.latest.put(line);
        if (line.inFlight() || !line.firstAttempt()) {
          scan.notable.add(line);
        }
      }
      scan.lines += chunk.lines;
      scan.oldestSettled = Math.min(scan.oldestSettled, chunk.oldestSettled);
      scan.wholeLength = chunk.end;
      if (chunk.broken) {
        if (chunk.shapeless || !chunk.brokenAtFileEnd) {
          scan.corruptLine = scan.lines + 1;
        }
        break;
      }
    }
    return scan;
  }

  /** The index just past the first newline at or after {@code at}; the length when none. */
  private static int lineEndAfter(byte[] bytes, int at) {
    for (int i = at; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return bytes.length;
  }

  /** Reads the first stretch here and each other on a thread of its own, waiting for all. */
  private static void readAll(JournalChunk[] chunks, Map<String, Terminal> terminals) {
    Thread[] others = new Thread[chunks.length - 1];
    Throwable[] failed = new Throwable[1];
    for (int c = 1; c < chunks.length; c++) {
      JournalChunk chunk = chunks[c];
      others[c - 1] = new Thread(() -> chunk.read(terminals), "webecr-journal-open-" + c);
      others[c - 1].setDaemon(true);
      others[c - 1].setUncaughtExceptionHandler((t, e) -> failed[0] = e);
      others[c - 1].start();
    }
    chunks[0].read(terminals);
    boolean interrupted = false;
    for (Thread other : others) {
      while (true) {
        try {
          other.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the stretches are the caller's memory: finish before returning
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failed[0] instanceof Error) {
      throw (Error) failed[0];
    }
    if (failed[0] != null) {
      throw new IllegalStateException("reading the journal failed", failed[0]);
    }
  }

  /** Decodes each attempt in flight (what recovery reads first must be sound now). */
  String firstUndecodableInFlight() {
    for (HeldEntry e : notable) {
      if (e.inFlight() && latest.get(e.key()) == e) {
        try {
          e.entry();
        } catch (RuntimeException bad) {
          return e.key();
        }
      }
    }
    return null;
  }
}
