package dev.webecr.sdk.internal;

import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The latest entry per attempt, in memory; the base of the file journal too. */
public class InMemoryIntentJournal implements IntentJournal {
  private final Map<String, JournalEntry> latest = new LinkedHashMap<>();

  @Override
  public synchronized void record(JournalEntry entry) {
    latest.put(entry.providerReference(), entry);
  }

  @Override
  public synchronized Optional<JournalEntry> latest(String providerReference) {
    return Optional.ofNullable(latest.get(providerReference));
  }

  @Override
  public synchronized List<JournalEntry> attempts(String reference) {
    return latest.values().stream()
        .filter(e -> e.reference().equals(reference))
        .sorted(Comparator.comparingInt(JournalEntry::attempt))
        .collect(Collectors.toList());
  }

  @Override
  public synchronized List<JournalEntry> all() {
    return new ArrayList<>(latest.values());
  }

  /** For subclasses: forget an attempt (compaction). */
  protected final synchronized void forget(String providerReference) {
    latest.remove(providerReference);
  }

  /** For subclasses: how many attempts are held. */
  protected final synchronized int size() {
    return latest.size();
  }
}
