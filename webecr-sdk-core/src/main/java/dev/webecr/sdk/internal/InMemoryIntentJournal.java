package dev.webecr.sdk.internal;

import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The latest entry per attempt, in memory, indexed by ERP reference so that a payment's
 * idempotency check does not scan the whole journal; the base of the file journal too.
 */
public class InMemoryIntentJournal implements IntentJournal {
  private final Map<String, JournalEntry> latest = new LinkedHashMap<>();
  private final Map<String, Set<String>> attemptsOf = new HashMap<>();

  @Override
  public synchronized void record(JournalEntry entry) {
    if (latest.put(entry.providerReference(), entry) == null) {
      attemptsOf.computeIfAbsent(entry.reference(), r -> new HashSet<>())
          .add(entry.providerReference());
    }
  }

  @Override
  public synchronized Optional<JournalEntry> latest(String providerReference) {
    return Optional.ofNullable(latest.get(providerReference));
  }

  @Override
  public synchronized List<JournalEntry> attempts(String reference) {
    return attemptsOf.getOrDefault(reference, Set.of()).stream()
        .map(latest::get)
        .sorted(Comparator.comparingInt(JournalEntry::attempt))
        .collect(Collectors.toList());
  }

  @Override
  public synchronized List<JournalEntry> all() {
    return new ArrayList<>(latest.values());
  }

  /** For subclasses: forget an attempt (compaction). */
  protected final synchronized void forget(String providerReference) {
    JournalEntry gone = latest.remove(providerReference);
    if (gone != null) {
      Set<String> rest = attemptsOf.get(gone.reference());
      rest.remove(providerReference);
      if (rest.isEmpty()) {
        attemptsOf.remove(gone.reference());
      }
    }
  }

  /** For subclasses: how many attempts are held. */
  protected final synchronized int size() {
    return latest.size();
  }
}
