package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
import java.util.Arrays;
import java.util.Map;

/**
 * The lines of one stretch of a journal file's bytes, each checked in place and held undecoded, in
 * file order: what {@link JournalFileScan} reads on one thread while another reads the next
 * stretch. It stops at the first broken line and says where it was; whether that line is a torn
 * last write or corruption is for the scan that sees the whole file to say.
 */
final class JournalChunk {
  private final byte[] bytes;
  private final int from;
  private final int to;

  /** The lines read, in order. */
  HeldEntry[] held;

  /** Whole, sound lines read. */
  int lines;

  /** Bytes up to the end of the last sound line. */
  int end;

  /** The earliest time a settled line was recorded, epoch milliseconds; max value when none. */
  long oldestSettled = Long.MAX_VALUE;

  /** Its read failed (out of memory, say): nothing of it may be held. */
  boolean failed;

  /** The line after the last sound one is broken. */
  boolean broken;

  /** The broken line is whole (its checksum holds) but not a line this version wrote. */
  boolean shapeless;

  /** The broken line ends with the file's last byte: a torn write, unless it is shapeless. */
  boolean brokenAtFileEnd;

  /** The lines whose newline lies in {@code bytes[from, to)}; {@code from} starts a line. */
  JournalChunk(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.from = from;
    this.to = to;
    this.end = from;
  }

  /** Reads the stretch; {@code terminals} is shared by the lines it holds (decoded later). */
  JournalChunk read(Map<String, Terminal> terminals) {
    int room = Math.max(16, (to - from) / 200); // lines are ~250 bytes
    held = new HeldEntry[room];
    int[] bars = JournalLineCodec.separators();
    int count = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b == '|') {
        if (count < bars.length) {
          bars[count] = i;
        }
        count++;
        continue;
      }
      if (b != '\n') {
        continue;
      }
      if (!JournalLineCodec.intact(bytes, start, i)) {
        broken = true;
        brokenAtFileEnd = i == bytes.length - 1;
        break;
      }
      HeldEntry line = JournalLineCodec.shapeOf(bytes, start, i, bars, count, terminals);
      if (line == null) {
        broken = true;
        shapeless = true;
        break;
      }
      if (lines == held.length) {
        held = Arrays.copyOf(held, lines * 2);
      }
      held[lines] = line; // its key's hash computed here: the merge on one thread only compares
      if (!line.inFlight()) {
        oldestSettled = Math.min(oldestSettled, line.recordedAtMillis());
      }
      lines++;
      count = 0;
      start = i + 1;
    }
    end = start;
    return this;
  }
}
