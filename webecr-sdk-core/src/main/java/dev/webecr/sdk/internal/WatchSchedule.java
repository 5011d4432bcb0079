package dev.webecr.sdk.internal;

import dev.webecr.sdk.spi.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the duplicate watch looks at an attempt: 10 minutes after its send, then at doubling
 * intervals, and once more at its horizon (nine looks in 24 hours); and which of those looks this
 * client has made. Kept in memory: after a restart each watched attempt is looked at once more.
 */
final class WatchSchedule {
  private static final Duration FIRST_LOOK = Duration.ofMinutes(10);

  private final Duration horizon;

  /** Provider reference to how many of its slots this client has looked at. */
  private final Map<String, Integer> looked = new ConcurrentHashMap<>();

  /** Provider reference to when a look that asked nothing (a read outage) may be tried again. */
  private final Map<String, Instant> retryAt = new ConcurrentHashMap<>();

  private static final Duration RETRY = Duration.ofMinutes(1);

  WatchSchedule(Duration horizon) {
    this.horizon = horizon;
  }

  /** False when the ERP switched the watch off. */
  boolean isOn() {
    return !horizon.isZero();
  }

  /**
   * Attempts sent before this are past their horizon (with a look's grace for a late last look).
   */
  Instant oldestWatched(Instant now) {
    return now.minus(horizon).minus(FIRST_LOOK);
  }

  /** The times {@code e} is looked at. */
  List<Instant> slots(JournalEntry e) {
    List<Instant> out = new ArrayList<>();
    for (Duration d = FIRST_LOOK; d.compareTo(horizon) < 0; d = d.multipliedBy(2)) {
      out.add(e.createdAt().plus(d));
    }
    out.add(e.createdAt().plus(horizon));
    return out;
  }

  /** The next look at {@code e} this client has not made; null when all are made. */
  Instant next(JournalEntry e) {
    int done = looked.getOrDefault(e.providerReference(), 0);
    List<Instant> slots = slots(e);
    if (done >= slots.size()) {
      return null;
    }
    Instant retry = retryAt.get(e.providerReference());
    return retry != null && retry.isAfter(slots.get(done)) ? retry : slots.get(done);
  }

  /** How many of {@code e}'s looks are due at {@code now} and not made yet (0: none). */
  int due(JournalEntry e, Instant now) {
    Instant retry = retryAt.get(e.providerReference());
    if (retry != null && retry.isAfter(now)) {
      return 0;
    }
    int n = 0;
    for (Instant slot : slots(e)) {
      if (!slot.isAfter(now)) {
        n++;
      }
    }
    return n > looked.getOrDefault(e.providerReference(), 0) ? n : 0;
  }

  /** Records that the looks up to {@code slots} of {@code e} were made. */
  void looked(JournalEntry e, int slots) {
    looked.put(e.providerReference(), slots);
    retryAt.remove(e.providerReference());
  }

  /** Records a look at {@code e} that asked nothing: tried again a minute later, not at once. */
  void failed(JournalEntry e, Instant now) {
    retryAt.put(e.providerReference(), now.plus(RETRY));
  }

  /** Forgets what is no longer watched. */
  void retain(Collection<String> providerReferences) {
    looked.keySet().retainAll(providerReferences);
    retryAt.keySet().retainAll(providerReferences);
  }
}
