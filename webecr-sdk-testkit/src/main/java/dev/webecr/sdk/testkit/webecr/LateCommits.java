package dev.webecr.sdk.testkit.webecr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates a gateway gave up on (it answered 504) that the backend commits later: each runs once its
 * time has come on the fake's clock, checked before every request and every count, so nothing needs
 * a thread of its own.
 */
final class LateCommits {
  private final List<Map.Entry<Instant, Runnable>> pending = new ArrayList<>();

  synchronized void add(Instant at, Runnable commit) {
    pending.add(Map.entry(at, commit));
  }

  /** Runs (outside this lock) every commit due by {@code now}, in order of their time. */
  void runDue(Instant now) {
    List<Map.Entry<Instant, Runnable>> due = new ArrayList<>();
    synchronized (this) {
      if (pending.isEmpty()) {
        return;
      }
      pending.removeIf(c -> !c.getKey().isAfter(now) && due.add(c));
    }
    due.sort(Map.Entry.comparingByKey());
    due.forEach(c -> c.getValue().run());
  }

  synchronized void clear() {
    pending.clear();
  }
}
