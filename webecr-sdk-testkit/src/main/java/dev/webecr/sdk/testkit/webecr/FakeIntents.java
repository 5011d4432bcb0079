package dev.webecr.sdk.testkit.webecr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake's intents in creation order, indexed by id, by {@code CustomerReference} and by terminal
 * TID: a lookup or a card-data read must not scan every intent of a long run (10,000 terminals'
 * payments in one load test). Not thread-safe: {@link FakeWebEcr} holds its lock.
 */
final class FakeIntents {
  private final Map<Long, FakeIntent> byId = new LinkedHashMap<>();
  private final Map<String, List<FakeIntent>> byReference = new HashMap<>();
  private final Map<String, List<FakeIntent>> byTid = new HashMap<>();

  void add(FakeIntent intent) {
    byId.put(intent.id, intent);
    if (intent.reference != null) {
      byReference.computeIfAbsent(intent.reference, r -> new ArrayList<>()).add(intent);
    }
    byTid.computeIfAbsent(intent.terminal.tid(), t -> new ArrayList<>()).add(intent);
  }

  void clear() {
    byId.clear();
    byReference.clear();
    byTid.clear();
  }

  FakeIntent byId(long id) {
    return byId.get(id);
  }

  /** Every intent, in creation order (a view). */
  Collection<FakeIntent> all() {
    return byId.values();
  }

  /** The intents under {@code reference}, in order (a view; empty when none). */
  List<FakeIntent> under(String reference) {
    return byReference.getOrDefault(reference, List.of());
  }

  /** The intents of the terminal {@code tid}, in order (a view; empty when none). */
  List<FakeIntent> on(String tid) {
    return byTid.getOrDefault(tid, List.of());
  }

  /** The latest of {@code intents}, or null. */
  static FakeIntent last(List<FakeIntent> intents) {
    return intents.isEmpty() ? null : intents.get(intents.size() - 1);
  }
}
