package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.JournalEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One pass over a journal file's bytes: every line's checksum checked in place, the offsets of
 * each attempt's latest line kept (in order of first appearance), so that opening decodes only
 * those. A broken last line is a torn write; a broken line before it is corruption.
 */
final class JournalFileScan {
  /** Provider reference to {start, end} of its latest line. */
  final Map<String, int[]> latest = new LinkedHashMap<>();
  /** Whole lines read. */
  int lines;
  /** Bytes up to the end of the last whole line. */
  int wholeLength;
  /** The 1-based number of a broken line that is not the last; 0 when none. */
  int corruptLine;

  private JournalFileScan() {}

  static JournalFileScan of(byte[] bytes) {
    JournalFileScan scan = new JournalFileScan();
    int start = 0;
    int number = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      number++;
      if (!JournalLineCodec.intact(bytes, start, i)) {
        if (i != bytes.length - 1) {
          scan.corruptLine = number;
        }
        break;
      }
      scan.latest.put(JournalLineCodec.referenceOf(bytes, start, i), new int[] {start, i});
      scan.lines++;
      start = i + 1;
    }
    scan.wholeLength = start;
    return scan;
  }

  /** Each attempt's latest entry, decoded; a line that will not decode is {@code corrupt}. */
  List<JournalEntry> decodeLatest(byte[] bytes, Function<String, RuntimeException> corrupt) {
    Map<String, Terminal> terminals = new HashMap<>();
    List<JournalEntry> out = new ArrayList<>(latest.size());
    for (Map.Entry<String, int[]> e : latest.entrySet()) {
      int[] at = e.getValue();
      String line = new String(bytes, at[0], at[1] - at[0], StandardCharsets.UTF_8);
      out.add(JournalLineCodec.decodeIntact(line, terminals)
          .orElseThrow(() -> corrupt.apply(e.getKey())));
    }
    return out;
  }
}
