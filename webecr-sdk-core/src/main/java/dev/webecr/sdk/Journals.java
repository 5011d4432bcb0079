package dev.webecr.sdk;

import dev.webecr.sdk.internal.FileIntentJournal;
import dev.webecr.sdk.internal.InMemoryIntentJournal;
import dev.webecr.sdk.spi.IntentJournal;
import java.nio.file.Path;

/**
 * The journals this module ships. Usually {@link PosClientBuilder#journalFile} is all an ERP needs;
 * these are for sharing one journal, tests, and tools. Several application servers keep the journal
 * in PostgreSQL instead ({@code webecr-sdk-jdbc}).
 *
 * <pre>{@code
 * IntentJournal journal = Journals.file(Path.of("/var/lib/erp/webecr.journal"));
 * }</pre>
 */
public final class Journals {
  private Journals() {}

  /**
   * The embedded default: an append-only file, one record per line, forced to disk for every record
   * that must be durable (concurrent ones share one force), that survives a torn last line after a
   * crash and compacts itself. One process at a time.
   */
  public static IntentJournal file(Path path) {
    return FileIntentJournal.open(path);
  }

  /** A journal in memory: for tests only, it survives nothing. */
  public static IntentJournal inMemory() {
    return new InMemoryIntentJournal();
  }
}
