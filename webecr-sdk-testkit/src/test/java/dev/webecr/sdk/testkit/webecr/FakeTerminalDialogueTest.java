package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A fake terminal given its own range of dialogue times ends each dialogue at a moment drawn in
 * that range (what a load test of polling needs: outcomes no poll is in step with); the others keep
 * the fake's dialogue time.
 */
class FakeTerminalDialogueTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
  private final TestClock clock = new TestClock(T0);
  private final FakeWebEcr fake = new FakeWebEcr(clock);

  @Test
  void eachDialogueEndsAtAMomentDrawnInTheTerminalsRange() {
    FakeTerminal ranged =
        fake.addTerminal("29000001", "990001", "Ranged till", TerminalProfile.APPROVE);
    ranged.dialogueTime(Duration.ofSeconds(2), Duration.ofSeconds(4));
    Set<Duration> ends = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      String reference = "R-" + i + "-A1";
      Instant start = clock.instant();
      fake.create(ranged, TransactionType.SALE, 0, 1500, 978, reference, null, null, null);
      Duration took = Duration.between(start, fake.completedAt(reference).orElseThrow());
      assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
      ends.add(took);
      clock.advance(Duration.ofSeconds(5)); // over: the terminal's next dialogue may start
    }
    assertThat(ends).hasSizeGreaterThan(30); // drawn, not one fixed time
  }

  @Test
  void aTerminalWithoutARangeKeepsTheFakesDialogueTime() {
    FakeTerminal plain =
        fake.addTerminal("29000002", "990002", "Plain till", TerminalProfile.APPROVE);
    fake.behaviour().dialogueTime(Duration.ofMillis(700));

    fake.create(plain, TransactionType.SALE, 0, 1500, 978, "P-1-A1", null, null, null);

    assertThat(fake.completedAt("P-1-A1")).contains(T0.plusMillis(700));
  }

  @Test
  void aRangeShorterThanThreeMillisecondsOrUpsideDownIsRefused() {
    FakeTerminal t = fake.addTerminal("29000003", "990003", "Bad till", TerminalProfile.APPROVE);

    assertThatThrownBy(() -> t.dialogueTime(Duration.ofMillis(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.dialogueTime(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
