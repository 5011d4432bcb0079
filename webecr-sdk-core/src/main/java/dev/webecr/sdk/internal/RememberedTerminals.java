package dev.webecr.sdk.internal;

import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TerminalDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The terminals (with keys) a client has seen, in front of the ERP's own directory. */
final class RememberedTerminals implements TerminalDirectory {
  private final ConcurrentMap<String, Terminal> seen = new ConcurrentHashMap<>();
  private final TerminalDirectory fallback;

  RememberedTerminals(TerminalDirectory fallback) {
    this.fallback = fallback;
  }

  /** The terminals of {@code providerId} seen with their keys since the client started. */
  List<Terminal> known(String providerId) {
    List<Terminal> out = new ArrayList<>();
    for (Terminal t : seen.values()) {
      if (t.providerId().equals(providerId)) {
        out.add(t);
      }
    }
    return out;
  }

  void remember(Terminal terminal) {
    if (terminal.apiKey().isPresent()) {
      seen.put(key(terminal.providerId(), terminal.callId()), terminal);
    }
  }

  @Override
  public Optional<Terminal> find(String providerId, String callId) {
    Terminal known = seen.get(key(providerId, callId));
    return known != null ? Optional.of(known) : fallback.find(providerId, callId);
  }

  /** The terminal with its API key where one is known; as given otherwise. */
  Terminal withKey(Terminal terminal) {
    if (terminal.apiKey().isPresent()) {
      return terminal;
    }
    return find(terminal.providerId(), terminal.callId())
        .flatMap(Terminal::apiKey)
        .map(terminal::withApiKey)
        .orElse(terminal);
  }

  private static String key(String providerId, String callId) {
    return providerId + "/" + callId;
  }
}
