package dev.webecr.sdk.testkit.webecr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fake WebECR server received: exact counts per endpoint, the latest requests as lines,
 * the latest whole ({@link RecordedRequest}), and those a test has not taken yet. Bounded, so a
 * long standalone run keeps a flat heap.
 */
final class FakeRequestLog {
  private final int lines;
  private final int whole;
  private final Map<Endpoint, Long> counts = new EnumMap<>(Endpoint.class);
  private final Deque<String> journal = new ArrayDeque<>();
  private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
  private final Deque<RecordedRequest> untaken = new ArrayDeque<>();

  FakeRequestLog(int lines, int whole) {
    this.lines = lines;
    this.whole = whole;
  }

  synchronized void add(RecordedRequest r) {
    counts.merge(r.endpoint(), 1L, Long::sum);
    keep(journal, r.toString(), lines);
    keep(recorded, r, whole);
    keep(untaken, r, whole);
  }

  private static <T> void keep(Deque<T> kept, T item, int max) {
    if (kept.size() == max) {
      kept.removeFirst();
    }
    kept.addLast(item);
  }

  synchronized List<String> lines() {
    return new ArrayList<>(journal);
  }

  synchronized long count() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  synchronized long count(Endpoint endpoint) {
    return counts.getOrDefault(endpoint, 0L);
  }

  synchronized List<RecordedRequest> recorded() {
    return new ArrayList<>(recorded);
  }

  synchronized List<RecordedRequest> recorded(Endpoint endpoint) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : recorded) {
      if (r.endpoint() == endpoint) {
        out.add(r);
      }
    }
    return out;
  }

  synchronized Optional<RecordedRequest> take() {
    return Optional.ofNullable(untaken.pollFirst());
  }
}
