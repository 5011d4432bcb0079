package dev.webecr.sdk.internal;

import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The latest entry per attempt, in memory, in order of first record; a reference's attempts are
 * found by probing their provider references (so a payment's idempotency check does not scan the
 * whole journal). The file journal keeps one as its index, holding the lines it read from disk
 * undecoded until asked for.
 */
public final class InMemoryIntentJournal implements IntentJournal {
  private HeldTable latest = new HeldTable(16);

  /**
   * ERP reference to the highest attempt number recorded for it, kept only beyond attempt 1 (most
   * references have one attempt; opening a large journal must not index each twice).
   */
  private final Map<String, Integer> lastAttempt = new HashMap<>();

  /**
   * The attempts in flight, in order of first record: {@link #inFlight()} (recovery, health asked
   * every second) costs what is in flight, not the whole day.
   */
  private final Set<String> inFlight = new LinkedHashSet<>();

  @Override
  public synchronized void record(JournalEntry entry) {
    hold(entry.providerReference(), new HeldEntry(entry));
  }

  /** Holds {@code held} as the latest state of {@code providerReference}. */
  synchronized void hold(String providerReference, HeldEntry held) {
    if (latest.put(held) == null) {
      indexAttempt(providerReference);
    }
    if (held.inFlight()) {
      inFlight.add(providerReference);
    } else {
      inFlight.remove(providerReference);
    }
  }

  private void indexAttempt(String providerReference) {
    if (providerReference.endsWith("-A1") && providerReference.length() > 3) {
      return; // found by probing
    }
    AttemptReference ref = AttemptReference.parse(providerReference);
    if (ref.attempt() > 1) {
      lastAttempt.merge(ref.reference(), ref.attempt(), Math::max);
    }
  }

  /**
   * Takes {@code lines} as the whole content of a journal still empty (the file journal's); {@code
   * notable} holds, in order of first record, every latest line in flight or of an attempt after
   * the first.
   */
  synchronized void adopt(HeldTable lines, List<HeldEntry> notable) {
    if (latest.size() > 0) {
      throw new IllegalStateException("adopt into a journal already holding attempts");
    }
    latest = lines;
    for (HeldEntry line : notable) {
      String key = line.key();
      indexAttempt(key);
      if (line.inFlight()) {
        inFlight.add(key);
      }
    }
  }

  @Override
  public synchronized Optional<JournalEntry> latest(String providerReference) {
    HeldEntry held = latest.get(providerReference);
    return held == null ? Optional.empty() : Optional.of(held.entry());
  }

  @Override
  public synchronized List<JournalEntry> attempts(String reference) {
    int last = lastAttempt.getOrDefault(reference, 1);
    List<JournalEntry> out = new ArrayList<>();
    // attempt 0: a reference not made by this SDK, which is its own provider reference
    HeldEntry foreign =
        AttemptReference.parse(reference).attempt() == 0 ? latest.get(reference) : null;
    if (foreign != null) {
      out.add(foreign.entry());
    }
    for (int n = 1; n <= last; n++) {
      HeldEntry held = latest.get(AttemptReference.format(reference, n));
      if (held != null) {
        out.add(held.entry());
      }
    }
    return out;
  }

  @Override
  public synchronized List<JournalEntry> all() {
    List<JournalEntry> out = new ArrayList<>(latest.size());
    for (HeldEntry held : latest) {
      out.add(held.entry());
    }
    return out;
  }

  @Override
  public synchronized List<JournalEntry> inFlight() {
    List<JournalEntry> out = new ArrayList<>(inFlight.size());
    for (String providerReference : inFlight) {
      out.add(latest.get(providerReference).entry());
    }
    return out;
  }

  @Override
  public synchronized List<JournalEntry> watched(Instant createdAfter) {
    List<JournalEntry> out = new ArrayList<>();
    for (HeldEntry held : latest) {
      if (held.mayBeWatched()) {
        JournalEntry e = held.entry();
        if (e.isWatched() && e.createdAt().isAfter(createdAfter)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  @Override
  public synchronized List<JournalEntry> byOriginal(
      Optional<String> intentId, Optional<String> transactionId) {
    List<JournalEntry> out = new ArrayList<>();
    for (HeldEntry held : latest) {
      if (held.namesOriginal()) {
        JournalEntry e = held.entry();
        if (IntentJournal.namesOriginal(e, intentId, transactionId)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** Every attempt as held, in order (the file journal's compaction). */
  synchronized List<HeldEntry> held() {
    return latest.values();
  }

  /** Forgets an attempt (the file journal's compaction). */
  synchronized void forget(String providerReference) {
    if (latest.remove(providerReference) == null) {
      return;
    }
    inFlight.remove(providerReference);
    String reference = AttemptReference.parse(providerReference).reference();
    Integer last = lastAttempt.get(reference);
    boolean left = false;
    for (int n = 2; last != null && n <= last && !left; n++) {
      left = latest.get(AttemptReference.format(reference, n)) != null;
    }
    if (!left) {
      lastAttempt.remove(reference);
    }
  }

  /** How many attempts are held. */
  synchronized int size() {
    return latest.size();
  }

  @Override
  public String backend() {
    return "memory";
  }
}
