package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.AttemptLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which listed intents can be a journaled attempt's. One the journal gives to another attempt is
 * not. Where several intents carry the attempt's reference (two tills sent it), one created before
 * the attempt was sent (less the clock skew) is another's, and the nearest to its send is taken; a
 * lone one is taken whatever its time, so that a clock gap to WebECR never hides a charge. A void,
 * which carries no reference, is also told apart by what it names.
 */
final class AttemptCandidates {
  private AttemptCandidates() {}

  /** The intents listed under the attempt's reference that may be {@code attempt}'s. */
  static List<WireJson> byReference(
      List<WireJson> listed, AttemptLookup attempt, Terminal terminal) {
    if (attempt == null) {
      return listed;
    }
    // sent by us: WebECR runs a create on the terminal it names, so an intent under the same
    // reference on another terminal is another till's (a lookup before a first attempt, which
    // looks for another till's payment, has no send of ours and takes any terminal)
    boolean sentHere = !attempt.sentAfter().equals(Instant.EPOCH);
    List<WireJson> out = new ArrayList<>();
    for (WireJson i : listed) {
      Optional<String> id = MellonMapper.intentId(i);
      if ((id.isEmpty() || !attempt.excludedIntentIds().contains(id.get()))
          && (!sentHere || MellonMapper.onTerminal(i, terminal))) {
        out.add(i);
      }
    }
    Instant from = attempt.sentAfter().minus(IntentLookups.SKEW);
    out.removeIf(i -> MellonMapper.created(i).map(t -> t.isBefore(from)).orElse(false));
    return out;
  }

  /** How far from the attempt's send {@code i} was created: the nearest is taken. */
  static Duration distanceFromSend(WireJson i, AttemptLookup attempt) {
    return attempt == null
        ? Duration.ZERO
        : MellonMapper.created(i)
            .map(t -> Duration.between(attempt.sentAfter(), t).abs())
            .orElse(Duration.ofDays(365));
  }

  /** True when {@code i} cannot be the void or credit {@code attempt}. */
  static boolean excluded(WireJson i, AttemptLookup attempt) {
    if (attempt == null) {
      return false;
    }
    Optional<String> id = MellonMapper.intentId(i);
    Optional<String> named = MellonMapper.namedOriginal(i);
    boolean namesAnother =
        named.isPresent()
            && !named.equals(attempt.originalIntentId())
            && !named.equals(attempt.originalTransactionId());
    return id.isEmpty()
        || namesAnother
        || attempt.excludedIntentIds().contains(id.get())
        || attempt.originalIntentId().equals(id);
  }
}
