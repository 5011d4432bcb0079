package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pass over a journal file's bytes: every line's checksum checked in place and its shape read,
 * each attempt's latest line held (in order of first appearance) undecoded, so that opening decodes
 * only what is in flight. A broken last line is a torn write; a broken line before it, or a whole
 * line of the wrong shape anywhere, is corruption.
 */
final class JournalFileScan {
  /** Provider reference to its latest line. */
  final LinkedHashMap<String, HeldEntry> latest;

  /** Whole lines read. */
  int lines;

  /** Bytes up to the end of the last whole line. */
  int wholeLength;

  /** The 1-based number of a broken line that is not the last; 0 when none. */
  int corruptLine;

  private JournalFileScan(int expectedLines) {
    latest = new LinkedHashMap<>(Math.max(16, expectedLines * 4 / 3 + 1));
  }

  static JournalFileScan of(byte[] bytes) {
    JournalFileScan scan = new JournalFileScan(bytes.length / 200); // lines are ~250 bytes
    Map<String, Terminal> terminals = new HashMap<>();
    int[] bars = JournalLineCodec.separators();
    int count = 0;
    int start = 0;
    int number = 0;
    for (int i = 0; i < bytes.length; i++) {
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
      number++;
      if (!JournalLineCodec.intact(bytes, start, i)) {
        if (i != bytes.length - 1) {
          scan.corruptLine = number;
        }
        break;
      }
      HeldEntry held = JournalLineCodec.shapeOf(bytes, start, i, bars, count, terminals);
      if (held == null) {
        scan.corruptLine = number; // whole, but not a line this version wrote
        break;
      }
      scan.latest.put(JournalLineCodec.referenceOf(bytes, bars), held);
      scan.lines++;
      count = 0;
      start = i + 1;
    }
    scan.wholeLength = start;
    return scan;
  }

  /** Decodes each attempt in flight (what recovery reads first must be sound now). */
  String firstUndecodableInFlight() {
    for (Map.Entry<String, HeldEntry> e : latest.entrySet()) {
      if (e.getValue().inFlight()) {
        try {
          e.getValue().entry();
        } catch (RuntimeException bad) {
          return e.getKey();
        }
      }
    }
    return null;
  }
}
