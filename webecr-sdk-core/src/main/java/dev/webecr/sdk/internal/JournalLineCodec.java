package dev.webecr.sdk.internal;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One journal entry per line: {@code |}-separated, percent-escaped fields, version first and a
 * CRC-32 of the rest last, so a torn or corrupted line is recognised, never half-read. Version 2
 * adds the document, the original, recovery back-off and manual resolution; version 1 lines (17
 * fields) are still read. Public for the SDK's other journals (the JDBC one stores a line per
 * attempt), not an API.
 */
public final class JournalLineCodec {
  static final String VERSION = "2";
  private static final String VERSION_1 = "1";
  private static final int FIELDS_1 = 17;
  private static final int FIELDS = 24;

  private JournalLineCodec() {}

  /** The line of {@code e}, without a newline. */
  public static String encode(JournalEntry e) {
    Terminal t = e.terminal();
    String body =
        String.join(
            "|",
            VERSION,
            esc(e.providerReference()),
            esc(t.providerId()),
            esc(t.tid()),
            esc(t.callId()),
            esc(t.merchantId().orElse("")),
            esc(t.model().orElse("")),
            esc(t.label().orElse("")),
            e.kind().name(),
            Long.toString(e.amount().minorUnits()),
            e.amount().currency().getCurrencyCode(),
            e.phase().name(),
            esc(e.intentId().orElse("")),
            e.statusCode().map(String::valueOf).orElse(""),
            e.resultCode().map(String::valueOf).orElse(""),
            e.createdAt().toString(),
            e.recordedAt().toString(),
            esc(e.document().orElse("")),
            esc(e.originalIntentId().orElse("")),
            esc(e.originalTransactionId().orElse("")),
            Integer.toString(e.recoveryRuns()),
            e.nextRecoveryAt().map(Instant::toString).orElse(""),
            esc(e.resolvedBy().orElse("")),
            esc(e.resolution().orElse("")));
    return body + "|" + crc(body);
  }

  /** The entry of a line, or empty when the line is torn or corrupt. */
  public static Optional<JournalEntry> decode(String line) {
    return decode(line, new HashMap<>());
  }

  /** True when the line is whole: its checksum matches. */
  static boolean intact(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return intact(b, 0, b.length);
  }

  /**
   * True when the UTF-8 line in {@code bytes[from, to)} is whole: its last field is the CRC-32 of
   * the rest, in eight lower-case hex digits. Reads the bytes in place (opening a journal of
   * 100,000 lines must not copy each one twice).
   */
  static boolean intact(byte[] bytes, int from, int to) {
    int cut = to - 9;
    if (cut < from || bytes[cut] != '|') {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, from, cut - from);
    long value = crc.getValue();
    for (int i = 7; i >= 0; i--) {
      int digit = (int) (value & 0xF);
      value >>>= 4;
      if (bytes[cut + 1 + i] != HEX[digit]) {
        return false;
      }
    }
    return true;
  }

  /** Room a caller gives {@link #shapeOf} for the positions of a line's separators. */
  static int[] separators() {
    return new int[FIELDS + 1];
  }

  /**
   * Holds the intact line in {@code bytes[from, to)} undecoded, whose {@code count} separators the
   * caller found at {@code bars} (the file's scan walks each byte once), with its phase and time
   * read in place; null when the line's shape is wrong (field count, version, phase or instant).
   * Allocates little: opening reads every line of a journal this way.
   */
  static HeldEntry shapeOf(
      byte[] bytes, int from, int to, int[] bars, int count, Map<String, Terminal> terminals) {
    boolean v1 = count == FIELDS_1 && ascii(bytes, from, bars[0], VERSION_1);
    if (!v1 && (count != FIELDS || !ascii(bytes, from, bars[0], VERSION))) {
      return null;
    }
    JournalPhase phase = null;
    for (JournalPhase p : PHASES) {
      if (ascii(bytes, bars[10] + 1, bars[11], p.name())) {
        phase = p;
      }
    }
    long recordedAt = Instants.epochMilli(bytes, bars[15] + 1, bars[16]);
    if (phase == null || recordedAt == Long.MIN_VALUE) {
      return null;
    }
    // fields 18 and 19: the original's intent and transaction ids (none in version 1)
    boolean namesOriginal = !v1 && (bars[18] > bars[17] + 1 || bars[19] > bars[18] + 1);
    return new HeldEntry(
        bytes, from, to, bars[0] + 1, bars[1], terminals, phase, recordedAt, namesOriginal);
  }

  /**
   * A provider reference as a line carries it: escaped, in UTF-8 (what a held line is keyed by).
   */
  static byte[] escapedBytes(String reference) {
    return esc(reference).getBytes(StandardCharsets.UTF_8);
  }

  /** The text of the escaped field in {@code bytes[from, to)}. */
  static String unescape(byte[] bytes, int from, int to) {
    return unesc(new String(bytes, from, to - from, StandardCharsets.UTF_8));
  }

  private static final JournalPhase[] PHASES = JournalPhase.values();

  /** True when {@code bytes[from, to)} are the chars of the ASCII {@code expected}. */
  static boolean ascii(byte[] bytes, int from, int to, String expected) {
    if (to - from != expected.length()) {
      return false;
    }
    for (int i = 0; i < expected.length(); i++) {
      if (bytes[from + i] != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The entry of a line, or empty when the line is torn or corrupt; {@code terminals} caches
   * decoded terminals across lines (most lines of a journal share a few).
   */
  static Optional<JournalEntry> decode(String line, Map<String, Terminal> terminals) {
    return intact(line) ? decodeIntact(line, terminals) : Optional.empty();
  }

  /** {@link #decode} of a line whose checksum was already checked. */
  static Optional<JournalEntry> decodeIntact(String line, Map<String, Terminal> terminals) {
    String[] f = line.substring(0, line.lastIndexOf('|')).split("\\|", -1);
    boolean v1 = f.length == FIELDS_1 && f[0].equals(VERSION_1);
    if (!v1 && (f.length != FIELDS || !f[0].equals(VERSION))) {
      return Optional.empty();
    }
    try {
      String terminalKey = f[2] + '|' + f[3] + '|' + f[4] + '|' + f[5] + '|' + f[6] + '|' + f[7];
      Terminal terminal = terminals.get(terminalKey);
      if (terminal == null) {
        terminal =
            Terminal.builder()
                .providerId(unesc(f[2]))
                .tid(unesc(f[3]))
                .callId(unesc(f[4]))
                .merchantId(optional(f[5]))
                .model(optional(f[6]))
                .label(optional(f[7]))
                .build();
        terminals.put(terminalKey, terminal);
      }
      JournalEntry.Builder b = JournalEntry.builder();
      if (!v1) {
        int runs = Integer.parseInt(f[20]);
        if (runs < 0) {
          return Optional.empty();
        }
        b.document(optional(f[17]))
            .originalIntentId(optional(f[18]))
            .originalTransactionId(optional(f[19]))
            .recoveryRuns(runs)
            .nextRecoveryAt(f[21].isEmpty() ? Optional.empty() : Optional.of(Instants.parse(f[21])))
            .resolvedBy(optional(f[22]))
            .resolution(optional(f[23]));
      }
      return Optional.of(
          b.providerReference(unesc(f[1]))
              .terminal(terminal)
              .kind(TransactionType.valueOf(f[8]))
              .amount(Money.of(Long.parseLong(f[9]), Currency.getInstance(f[10])))
              .phase(JournalPhase.valueOf(f[11]))
              .intentId(optional(f[12]))
              .statusCode(f[13].isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(f[13])))
              .resultCode(f[14].isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(f[14])))
              .createdAt(Instants.parse(f[15]))
              .recordedAt(Instants.parse(f[16]))
              .build());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> optional(String field) {
    return field.isEmpty() ? Optional.empty() : Optional.of(unesc(field));
  }

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static String crc(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    String hex = Long.toHexString(crc.getValue());
    return "00000000".substring(hex.length()) + hex;
  }

  private static String esc(String s) {
    return s.replace("%", "%25").replace("|", "%7C").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static String unesc(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%7C", "|").replace("%25", "%");
  }
}
