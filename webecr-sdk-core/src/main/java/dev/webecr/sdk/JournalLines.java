package dev.webecr.sdk;

import dev.webecr.sdk.internal.JournalLineCodec;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import java.util.Optional;

/**
 * The journal's line format, for authors of an {@link IntentJournal} that stores entries as text
 * (the JDBC store keeps one line per attempt): one line per entry, with a version, every field
 * escaped and a checksum, the terminal without its API key, no signature. What the file journal
 * writes, a store can read, and the other way round.
 *
 * <pre>{@code
 * String line = JournalLines.encode(entry);
 * JournalEntry back = JournalLines.decode(line).orElseThrow(); // empty: damaged or foreign
 * }</pre>
 */
public final class JournalLines {
  private JournalLines() {}

  /** The line for {@code entry}, without a line break. */
  public static String encode(JournalEntry entry) {
    return JournalLineCodec.encode(entry);
  }

  /** The entry {@code line} holds; empty when the line is damaged, cut or of another format. */
  public static Optional<JournalEntry> decode(String line) {
    return JournalLineCodec.decode(line);
  }
}
