package dev.webecr.sdk.testkit.viva;

import java.time.Duration;
import java.util.Objects;

/**
 * How the fake posts webhooks 1802 and 1803 once they are enabled (viva-cloud-terminal §17 #12).
 * Viva documents neither its retries nor its order, and users met events before the create's
 * answer, twice, out of order and not at all: {@link #worstCase()} does all of that and is the
 * default; {@link #punctual()} is the kind variant a test names when it needs one.
 */
public final class FakeVivaEvents {
  final Duration delay;
  final int copies;
  final int dropEvery;
  final boolean beforeCreateAnswer;
  final boolean stray1803;
  final boolean amountInCents;

  private FakeVivaEvents(
      Duration delay,
      int copies,
      int dropEvery,
      boolean beforeCreateAnswer,
      boolean stray1803,
      boolean amountInCents) {
    this.delay = Objects.requireNonNull(delay, "delay == null");
    if (copies < 1 || dropEvery < 0 || delay.isNegative()) {
      throw new IllegalArgumentException("copies >= 1, dropEvery >= 0, delay >= 0");
    }
    this.copies = copies;
    this.dropEvery = dropEvery;
    this.beforeCreateAnswer = beforeCreateAnswer;
    this.stray1803 = stray1803;
    this.amountInCents = amountInCents;
  }

  /**
   * The default: each outcome posted 2 s after the session ends, twice; every 15th post dropped; a
   * copy before the create's answer; a stray 1803 after an approval's 1802; amounts in euros.
   */
  public static FakeVivaEvents worstCase() {
    return new FakeVivaEvents(Duration.ofSeconds(2), 2, 15, true, true, false);
  }

  /** Each outcome posted once, when the session ends, never lost, never out of order. */
  public static FakeVivaEvents punctual() {
    return new FakeVivaEvents(Duration.ZERO, 1, 0, false, false, false);
  }

  /** How long after the session ends its event is posted. */
  public FakeVivaEvents delay(Duration delay) {
    return new FakeVivaEvents(
        delay, copies, dropEvery, beforeCreateAnswer, stray1803, amountInCents);
  }

  /** How many times each event is posted. */
  public FakeVivaEvents copies(int copies) {
    return new FakeVivaEvents(
        delay, copies, dropEvery, beforeCreateAnswer, stray1803, amountInCents);
  }

  /** Every {@code n}th post is dropped (1: all of them; 0: none). */
  public FakeVivaEvents dropEvery(int n) {
    return new FakeVivaEvents(delay, copies, n, beforeCreateAnswer, stray1803, amountInCents);
  }

  /** Whether a copy of the event is posted before the create is answered. */
  public FakeVivaEvents beforeCreateAnswer(boolean before) {
    return new FakeVivaEvents(delay, copies, dropEvery, before, stray1803, amountInCents);
  }

  /** Whether an approval's 1802 is followed by a stray 1803 (a failure event out of order). */
  public FakeVivaEvents stray1803(boolean stray) {
    return new FakeVivaEvents(delay, copies, dropEvery, beforeCreateAnswer, stray, amountInCents);
  }

  /** Whether {@code Amount} is in cents rather than euros (its unit is not confirmed). */
  public FakeVivaEvents amountInCents(boolean cents) {
    return new FakeVivaEvents(delay, copies, dropEvery, beforeCreateAnswer, stray1803, cents);
  }

  @Override
  public String toString() {
    return "FakeVivaEvents{delay="
        + delay
        + ", copies="
        + copies
        + ", dropEvery="
        + dropEvery
        + ", beforeCreateAnswer="
        + beforeCreateAnswer
        + ", stray1803="
        + stray1803
        + "}";
  }
}
