package dev.webecr.sdk.testkit.webecr;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The fake's pairings: redeem codes it accepts and the API keys it issued. Thread-safe. */
final class FakePairings {
  private final Set<String> apiKeys = new HashSet<>();
  private final Set<String> issuedCodes = new HashSet<>();
  private int keysIssued; // never reset: a revoked key must not come back to life

  synchronized Optional<String> redeem(String code) {
    // the seeded code pairs again and again (tests); an issued one once, as on a real POS
    if (!FakeTerminals.REDEEM_CODE.equals(code) && !issuedCodes.remove(code)) {
      return Optional.empty();
    }
    String key = "fake-key-" + ++keysIssued;
    apiKeys.add(key);
    return Optional.of(key);
  }

  /** A new single-use redeem code, as a POS shows after "Link with 3rd party services". */
  synchronized String issueRedeemCode() {
    String code;
    do {
      code = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    } while (code.equals(FakeTerminals.REDEEM_CODE) || !issuedCodes.add(code));
    return code;
  }

  /** The merchant revokes every pairing: each key's next call gets 401. */
  synchronized int revokeApiKeys() {
    int n = apiKeys.size();
    apiKeys.clear();
    return n;
  }

  synchronized boolean knows(String apiKey) {
    return apiKey != null && apiKeys.contains(apiKey);
  }

  /** The merchant unpairs the terminal behind one key; false when the key was not live. */
  synchronized boolean revoke(String apiKey) {
    return apiKeys.remove(apiKey);
  }

  synchronized void reset() {
    apiKeys.clear();
    issuedCodes.clear();
  }
}
