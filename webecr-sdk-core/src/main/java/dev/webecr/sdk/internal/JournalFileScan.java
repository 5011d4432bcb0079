package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pass over a journal file's bytes, in stretches read side by side ({@link JournalChunk},
 * {@link SideBySide}): every line's checksum checked in place and its shape read, each attempt's
 * latest line held (in order of first appearance) undecoded, so that opening decodes only what is
 * in flight. A broken last line is a torn write; a broken line before it, or a whole line of the
 * wrong shape anywhere, is corruption.
 */
final class JournalFileScan {
  /** Provider reference to its latest line. */
  final HeldTable latest;

  /**
   * The lines in flight or of an attempt after the first, in file order, superseded or not: all the
   * journal's index must look at beyond {@link #latest} (a pass over a million settled first
   * attempts costs more than the rest of the index). See {@link #notableLatest()}.
   */
  private final List<HeldEntry> notable = new ArrayList<>();

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

  /** Threads the scan may use side by side. */
  private final int threads;

  private JournalFileScan(int expectedLines, int threads) {
    latest = new HeldTable(expectedLines);
    this.threads = threads;
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
   * threads (opening a journal of a million attempts within a second takes every core). The
   * stretches are a few per thread: this thread holds each one's lines, in file order, as soon as
   * it is read, reading the next unclaimed stretch itself while it waits, so holding and reading
   * overlap.
   */
  static JournalFileScan of(byte[] bytes, int stretch, int threads) {
    int count =
        Math.max(1, Math.min(threads * PIECES_PER_THREAD, bytes.length / Math.max(1, stretch)));
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
    // shared by the lines, decoded side by side at open and one at a time after
    Map<String, Terminal> terminals = new ConcurrentHashMap<>();
    AtomicInteger claimed = new AtomicInteger();
    CountDownLatch[] read = new CountDownLatch[chunks.length];
    for (int c = 0; c < chunks.length; c++) {
      read[c] = new CountDownLatch(1);
    }
    Runnable reading =
        () -> {
          for (int c = claimed.getAndIncrement();
              c < chunks.length;
              c = claimed.getAndIncrement()) {
            readOne(chunks[c], read[c], terminals);
          }
        };
    JournalFileScan scan = new JournalFileScan(bytes.length / 200, threads); // lines ~220 bytes
    Runnable[] work = new Runnable[Math.min(threads, chunks.length)];
    Arrays.fill(work, reading);
    work[0] =
        () -> {
          for (int c = 0; c < chunks.length; c++) {
            while (read[c].getCount() > 0) {
              int mine = claimed.getAndIncrement();
              if (mine >= chunks.length) {
                SideBySide.await(read[c]);
              } else {
                readOne(chunks[mine], read[mine], terminals);
              }
            }
            if (chunks[c].failed || !scan.hold(chunks[c])) {
              claimed.set(chunks.length); // broken: the rest is not read
              return;
            }
          }
        };
    SideBySide.run(work);
    return scan;
  }

  /**
   * Reads {@code chunk} and says so; a read that fails marks it, so that its half-read lines are
   * never held (the failure itself is thrown by {@link SideBySide} once every thread has ended).
   */
  private static void readOne(
      JournalChunk chunk, CountDownLatch read, Map<String, Terminal> terminals) {
    try {
      chunk.read(terminals);
    } catch (RuntimeException | Error e) {
      chunk.failed = true;
      throw e;
    } finally {
      read.countDown();
    }
  }

  /** Stretches per thread: enough that holding the lines of one overlaps reading the next. */
  static final int PIECES_PER_THREAD = 4;

  /** Holds the stretch's lines; false when it ends with a broken line (the scan ends there). */
  private boolean hold(JournalChunk chunk) {
    for (int i = 0; i < chunk.lines; i++) {
      HeldEntry line = chunk.held[i];
      latest.put(line);
      if (line.inFlight() || !line.firstAttempt()) {
        notable.add(line);
      }
    }
    lines += chunk.lines;
    oldestSettled = Math.min(oldestSettled, chunk.oldestSettled);
    wholeLength = chunk.end;
    if (chunk.broken) {
      if (chunk.shapeless || !chunk.brokenAtFileEnd) {
        corruptLine = lines + 1;
      }
      return false;
    }
    return true;
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

  /**
   * The {@link #notable} lines that are their attempt's latest, in order of first record: an
   * attempt's latest line is notable whenever an earlier one mattered (same reference, or in
   * flight), so these are all the index needs. Superseded lines cost a probe, no string.
   */
  List<HeldEntry> notableLatest() {
    if (notableLatest == null) {
      List<HeldEntry> found = new ArrayList<>();
      long[] places = new long[notable.size()];
      for (HeldEntry e : notable) {
        int index = latest.indexOf(e);
        if (index >= 0) {
          places[found.size()] = ((long) index << 32) | found.size();
          found.add(e);
        }
      }
      Arrays.sort(places, 0, found.size()); // by place in the order of first record
      notableLatest = new ArrayList<>(found.size());
      for (int i = 0; i < found.size(); i++) {
        notableLatest.add(found.get((int) places[i]));
      }
    }
    return notableLatest;
  }

  private List<HeldEntry> notableLatest;

  /** Below this many attempts in flight per thread, decoding them side by side does not pay. */
  static final int DECODES_PER_THREAD = 1_000;

  /**
   * Decodes each attempt in flight (what recovery reads first must be sound now), side by side: a
   * JVM just started decodes ten thousand lines in about 120 ms on one thread. Returns the first
   * that does not decode, in order of first record; null when all do.
   */
  String firstUndecodableInFlight() {
    List<HeldEntry> inFlight = new ArrayList<>();
    for (HeldEntry e : notableLatest()) {
      if (e.inFlight()) {
        inFlight.add(e);
      }
    }
    int parts = Math.max(1, Math.min(threads, inFlight.size() / DECODES_PER_THREAD));
    String[] undecodable = new String[parts];
    Runnable[] decodes = new Runnable[parts];
    for (int p = 0; p < parts; p++) {
      int part = p;
      List<HeldEntry> mine =
          inFlight.subList(inFlight.size() * p / parts, inFlight.size() * (p + 1) / parts);
      decodes[p] =
          () -> {
            for (HeldEntry e : mine) {
              try {
                e.entry();
              } catch (RuntimeException bad) {
                undecodable[part] = e.key();
                return;
              }
            }
          };
    }
    SideBySide.run(decodes);
    for (String key : undecodable) {
      if (key != null) {
        return key;
      }
    }
    return null;
  }
}
