package dev.webecr.sdk.jdbc.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leases this node holds now, by terminal, with their fencing tokens: the lease writes them,
 * the journal reads them to fence its writes.
 */
final class LeaseTokens {
  private final Map<String, Long> held = new ConcurrentHashMap<>();

  void hold(String key, long token) {
    held.put(key, token);
  }

  void drop(String key, long token) {
    held.remove(key, token);
  }

  /** The token this node holds for {@code key}, or null. */
  Long tokenOf(String key) {
    return held.get(key);
  }
}
