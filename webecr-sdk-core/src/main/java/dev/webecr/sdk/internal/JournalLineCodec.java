package dev.webecr.sdk.internal;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * One journal entry per line: {@code |}-separated, percent-escaped fields, version first and a
 * CRC-32 of the rest last, so a torn or corrupted line is recognised, never half-read. Version 2
 * adds the document, the original, recovery back-off and manual resolution; version 1 lines
 * (17 fields) are still read.
 */
final class JournalLineCodec {
  static final String VERSION = "2";
  private static final String VERSION_1 = "1";
  private static final int FIELDS_1 = 17;
  private static final int FIELDS = 24;

  private JournalLineCodec() {}

  static String encode(JournalEntry e) {
    Terminal t = e.terminal();
    String body = String.join("|",
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
  static Optional<JournalEntry> decode(String line) {
    int cut = line.lastIndexOf('|');
    if (cut < 0 || !line.substring(cut + 1).equals(crc(line.substring(0, cut)))) {
      return Optional.empty();
    }
    String[] f = line.substring(0, cut).split("\\|", -1);
    boolean v1 = f.length == FIELDS_1 && f[0].equals(VERSION_1);
    if (!v1 && (f.length != FIELDS || !f[0].equals(VERSION))) {
      return Optional.empty();
    }
    try {
      Terminal terminal = Terminal.builder()
          .providerId(unesc(f[2])).tid(unesc(f[3])).callId(unesc(f[4]))
          .merchantId(optional(f[5])).model(optional(f[6])).label(optional(f[7]))
          .build();
      JournalEntry.Builder b = JournalEntry.builder();
      if (!v1) {
        int runs = Integer.parseInt(f[20]);
        if (runs < 0) {
          return Optional.empty();
        }
        b.document(optional(f[17])).originalIntentId(optional(f[18]))
            .originalTransactionId(optional(f[19])).recoveryRuns(runs)
            .nextRecoveryAt(f[21].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(f[21])))
            .resolvedBy(optional(f[22])).resolution(optional(f[23]));
      }
      return Optional.of(b
          .providerReference(unesc(f[1]))
          .terminal(terminal)
          .kind(TransactionType.valueOf(f[8]))
          .amount(Money.of(Long.parseLong(f[9]), Currency.getInstance(f[10])))
          .phase(JournalPhase.valueOf(f[11]))
          .intentId(optional(f[12]))
          .statusCode(f[13].isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(f[13])))
          .resultCode(f[14].isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(f[14])))
          .createdAt(Instant.parse(f[15]))
          .recordedAt(Instant.parse(f[16]))
          .build());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> optional(String field) {
    return field.isEmpty() ? Optional.empty() : Optional.of(unesc(field));
  }

  private static String crc(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }

  private static String esc(String s) {
    return s.replace("%", "%25").replace("|", "%7C").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static String unesc(String s) {
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%7C", "|").replace("%25", "%");
  }
}
