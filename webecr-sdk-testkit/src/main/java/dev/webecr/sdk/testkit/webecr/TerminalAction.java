package dev.webecr.sdk.testkit.webecr;

/**
 * A key a person presses on a fake terminal during its card dialogue ({@link FakeControl}, the QA
 * page, {@code POST /_fake/terminals/{tid}/{action}}). It decides the terminal's pending payment
 * whatever its profile.
 */
public enum TerminalAction {
  /** The card is approved: the money moves. */
  APPROVE,
  /** The host declines the card. */
  DECLINE,
  /** The customer presses the red key. */
  CANCEL,
  /** The terminal fails; nothing charged. */
  FAIL,
  /** The terminal answers UNKNOWN; no card transaction exists. */
  UNKNOWN,
  /**
   * The terminal loses its link after the host approved: the intent ends UNKNOWN while the card
   * transaction exists, so only a lookup of the card transaction finds the money.
   */
  LOSE_LINK,
  /** The terminal goes silent: the intent stays SENT and never completes. */
  TIME_OUT;

  /** The action named on the wire: {@code approve}, {@code lose-link}, ... */
  public static TerminalAction fromWire(String name) {
    return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }

  /** Its wire name. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
