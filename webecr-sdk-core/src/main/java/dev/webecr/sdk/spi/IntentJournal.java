package dev.webecr.sdk.spi;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Durable record of every payment attempt: written before the create is sent and after every state
 * change, so that after a crash {@link dev.webecr.sdk.PosClient#recover()} knows what may have been
 * charged. Implementations must be thread-safe; {@link #record} returns only once the entry is as
 * durable as its phase requires (see there), and throws {@link dev.webecr.sdk.JournalException}
 * otherwise.
 *
 * <pre>{@code
 * IntentJournal journal = Journals.file(Path.of("/var/lib/erp/webecr.journal")); // dev.webecr.sdk.Journals
 * }</pre>
 */
public interface IntentJournal extends AutoCloseable {
  /**
   * Records one state. An entry whose loss could charge twice is durable when this returns: an
   * attempt about to be sent ({@link JournalPhase#PREPARED}) and a person's resolution. A later
   * state may still sit in the operating system's cache, and a power cut may lose it; recovery then
   * asks the provider again. An implementation may make every record durable.
   */
  void record(JournalEntry entry);

  /** The latest state of one attempt. */
  Optional<JournalEntry> latest(String providerReference);

  /** The latest state of every attempt of one ERP reference, oldest attempt first. */
  List<JournalEntry> attempts(String reference);

  /** The latest state of every attempt the journal holds. */
  List<JournalEntry> all();

  /**
   * The latest state of every attempt still in flight (what recovery asks about). A journal of many
   * settled attempts should answer this without reading them all.
   */
  default List<JournalEntry> inFlight() {
    return all().stream().filter(e -> e.phase().isInFlight()).collect(Collectors.toList());
  }

  /**
   * The latest state of every attempt the duplicate watch looks for ({@link
   * JournalEntry#isWatched()}) created after {@code createdAfter} (its horizon). A journal of many
   * settled attempts should answer this without decoding them all.
   */
  default List<JournalEntry> watched(java.time.Instant createdAfter) {
    return all().stream()
        .filter(e -> e.isWatched() && e.createdAt().isAfter(createdAfter))
        .collect(Collectors.toList());
  }

  /**
   * The latest state of every attempt that names an original (its voids, refunds and completions)
   * by the original's intent id or transaction id, whichever given (empty: not matched). A journal
   * of many attempts should answer this without reading them all: a refund's or void's checks ask
   * it before anything is sent.
   */
  default List<JournalEntry> byOriginal(Optional<String> intentId, Optional<String> transactionId) {
    return all().stream()
        .filter(e -> namesOriginal(e, intentId, transactionId))
        .collect(Collectors.toList());
  }

  /** True when {@code e} names the original {@code intentId} or {@code transactionId}. */
  static boolean namesOriginal(
      JournalEntry e, Optional<String> intentId, Optional<String> transactionId) {
    return (intentId.isPresent() && e.originalIntentId().equals(intentId))
        || (transactionId.isPresent() && e.originalTransactionId().equals(transactionId));
  }

  /** Where the records are kept, for meters: {@code file}, {@code memory}, {@code jdbc}, ... */
  default String backend() {
    return "custom";
  }

  /** Closes files; further use fails. */
  @Override
  default void close() {}
}
