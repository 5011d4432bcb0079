package dev.webecr.sdk.internal;

import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.PaymentObserver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A journal whose records are timed for the client's observers; only made when there are some. */
final class ObservedJournal implements IntentJournal {
  private final IntentJournal journal;
  private final PaymentObserver observer;
  private final String backend;

  private ObservedJournal(IntentJournal journal, PaymentObserver observer) {
    this.journal = journal;
    this.observer = observer;
    this.backend = journal.backend();
  }

  /** {@code journal}, timed when {@code observer} watches anything. */
  static IntentJournal of(IntentJournal journal, PaymentObserver observer) {
    return observer == PaymentObserver.NONE ? journal : new ObservedJournal(journal, observer);
  }

  @Override
  public void record(JournalEntry entry) {
    long start = System.nanoTime();
    journal.record(entry);
    observer.journalWrite(
        backend, FileIntentJournal.mustBeDurable(entry), System.nanoTime() - start);
  }

  @Override
  public Optional<JournalEntry> latest(String providerReference) {
    return journal.latest(providerReference);
  }

  @Override
  public List<JournalEntry> attempts(String reference) {
    return journal.attempts(reference);
  }

  @Override
  public List<JournalEntry> all() {
    return journal.all();
  }

  @Override
  public List<JournalEntry> inFlight() {
    return journal.inFlight();
  }

  @Override
  public List<JournalEntry> watched(Instant createdAfter) {
    return journal.watched(createdAfter);
  }

  @Override
  public List<JournalEntry> byOriginal(Optional<String> intentId, Optional<String> transactionId) {
    return journal.byOriginal(intentId, transactionId);
  }

  @Override
  public String backend() {
    return backend;
  }

  @Override
  public void close() {
    journal.close();
  }
}
