package dev.webecr.sdk.internal;

import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * One attempt's latest state as a journal holds it: decoded, or the place of the intact line it was
 * read from in the file's bytes, decoded when first asked. Opening a journal of many settled
 * attempts then decodes only those in flight; the two fields recovery and compaction need of the
 * others (phase, recorded at) are read from the line at open. The lines share the file's buffer
 * rather than each copying its bytes: it is as large as the copies would be. Its key, the provider
 * reference, is held the same way: as escaped UTF-8 bytes, in the line or of its own ({@link
 * HeldTable}).
 */
final class HeldEntry {
  private final JournalPhase phase;

  /** Epoch milliseconds: an {@code Instant} per line is what opening must not allocate. */
  private final long recordedAt;

  /** True when it names an original (a void, refund or completion): decoded when asked by one. */
  private final boolean namesOriginal;

  /**
   * The line's bytes (the file's buffer, kept for the key once decoded), or the key's when recorded
   * here; null when recorded here with a {@link HeldTable#plain} key, which is its own bytes.
   */
  private final byte[] buf;

  private final int from;
  private final int to;
  private final int keyFrom;
  private final int keyTo;
  private final int hash;
  private Map<String, Terminal> terminals;
  private JournalEntry entry;

  HeldEntry(JournalEntry entry) {
    this.entry = entry;
    String key = entry.providerReference();
    boolean plain = HeldTable.plain(key);
    this.buf = plain ? null : JournalLineCodec.escapedBytes(key); // a plain key is its own bytes
    this.from = 0;
    this.to = 0;
    this.keyFrom = 0;
    this.keyTo = plain ? 0 : buf.length;
    this.hash = plain ? HeldTable.hash(key) : HeldTable.hash(buf, 0, buf.length);
    this.phase = entry.phase();
    this.recordedAt = entry.recordedAt().toEpochMilli();
    this.namesOriginal =
        entry.originalIntentId().isPresent() || entry.originalTransactionId().isPresent();
  }

  /**
   * The intact line in {@code bytes[from, to)}, its provider reference escaped in {@code
   * bytes[keyFrom, keyTo)}, whose phase and time were read at open; {@code terminals} is shared by
   * the file's lines.
   */
  HeldEntry(
      byte[] bytes,
      int from,
      int to,
      int keyFrom,
      int keyTo,
      Map<String, Terminal> terminals,
      JournalPhase phase,
      long recordedAt,
      boolean namesOriginal) {
    this.namesOriginal = namesOriginal;
    this.buf = bytes;
    this.from = from;
    this.to = to;
    this.keyFrom = keyFrom;
    this.keyTo = keyTo;
    this.hash = HeldTable.hash(bytes, keyFrom, keyTo);
    this.terminals = terminals;
    this.phase = phase;
    this.recordedAt = recordedAt;
  }

  byte[] keyBuf() {
    return buf;
  }

  int keyFrom() {
    return keyFrom;
  }

  int keyTo() {
    return keyTo;
  }

  int hash() {
    return hash;
  }

  /** True when its key is the escaped reference in {@code k[kFrom, kTo)} of hash {@code h}. */
  boolean hasKey(byte[] k, int kFrom, int kTo, int h) {
    if (h != hash) {
      return false;
    }
    if (buf == null) {
      return JournalLineCodec.ascii(k, kFrom, kTo, entry.providerReference());
    }
    return kTo - kFrom == keyTo - keyFrom && Arrays.equals(buf, keyFrom, keyTo, k, kFrom, kTo);
  }

  /** True when its key is the {@link HeldTable#plain} reference {@code key} of hash {@code h}. */
  boolean hasKey(String key, int h) {
    if (h != hash) {
      return false;
    }
    return buf == null
        ? key.equals(entry.providerReference())
        : JournalLineCodec.ascii(buf, keyFrom, keyTo, key);
  }

  /** The provider reference. */
  String key() {
    return entry != null
        ? entry.providerReference()
        : JournalLineCodec.unescape(buf, keyFrom, keyTo);
  }

  /** True when the key ends with {@code -A1}: a first attempt, found without an index. */
  boolean firstAttempt() {
    if (buf == null) {
      String key = entry.providerReference();
      return key.length() > 3 && key.endsWith("-A1");
    }
    return keyTo - keyFrom > 3
        && buf[keyTo - 3] == '-'
        && buf[keyTo - 2] == 'A'
        && buf[keyTo - 1] == '1';
  }

  boolean inFlight() {
    return phase.isInFlight();
  }

  /** True when the duplicate watch may look for it (decode to know: a found one is settled). */
  boolean mayBeWatched() {
    return phase == JournalPhase.NOT_FOUND;
  }

  boolean namesOriginal() {
    return namesOriginal;
  }

  /** When it was recorded, in epoch milliseconds. */
  long recordedAtMillis() {
    return recordedAt;
  }

  /** True when recorded after {@code horizon} (to the millisecond). */
  boolean recordedAfter(Instant horizon) {
    return recordedAt > horizon.toEpochMilli();
  }

  /**
   * The entry, decoded now if it was not; callers hold the journal's lock (or, at open, own it).
   */
  JournalEntry entry() {
    if (entry == null) {
      String text = new String(buf, from, to - from, StandardCharsets.UTF_8);
      entry =
          JournalLineCodec.decodeIntact(text, terminals)
              .orElseThrow(
                  () ->
                      new JournalException(
                          "a journal line with a valid checksum does not decode; keep the"
                              + " file and contact support",
                          null));
      terminals = null;
    }
    return entry;
  }

  /** The line to write for this entry when the file is rewritten (no newline). */
  byte[] line() {
    return entry == null
        ? Arrays.copyOfRange(buf, from, to)
        : JournalLineCodec.encode(entry).getBytes(StandardCharsets.UTF_8);
  }
}
