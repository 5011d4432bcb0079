package dev.webecr.sdk.testkit.webecr;

import java.time.Duration;

/**
 * The fake set up for tests that run on the real clock (a person's key, a browser): short
 * dialogues, and the kind variant on purpose (the single-intent route served, no listing lag). How
 * the SDK copes with the fake's worst-case defaults is proved on virtual time, in NeverTwiceTest
 * and HonestVerdictsTest; on the real clock they would only cost seconds.
 */
final class RealClockFake {
  private RealClockFake() {}

  static void quickAndKind(FakeWebEcrServer server) {
    server
        .fake()
        .behaviour()
        .dialogueTime(Duration.ofMillis(300))
        .singleIntentRoute(true)
        .listingLag(Duration.ZERO);
  }
}
