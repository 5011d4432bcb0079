package dev.webecr.sdk.testkit;

/**
 * How a fake terminal behaves in its card dialogue. Chosen by the terminal's magic TID and
 * overridden per payment by the amount ({@link FakeTerminals} has the table). Times are from the
 * intent's creation, on the fake's clock.
 */
public enum TerminalProfile {
  /** SENT after 1 s, APPROVED after 3 s. */
  APPROVE,
  /** DECLINED by the host after 3 s. */
  DECLINE,
  /** CANCELLED on the device by the customer after 3 s. */
  CANCEL,
  /** FAILED after 3 s; nothing charged. */
  FAIL,
  /** BUSY after 1 s; nothing charged. Also what any payment gets while another one runs. */
  BUSY,
  /** MAX_TRANSACTIONS after 1 s: the batch is full until it is closed. */
  MAX_TRANSACTIONS,
  /** Stays SENT; after 180 s completes with result UNKNOWN. Nothing charged. */
  NO_ANSWER,
  /** Stays SENT for 150 s, then APPROVED (Mellon's 22.22 EUR certification scenario). */
  SLOW,
  /** UNKNOWN after 3 s, then APPROVED from 60 s on; the card transaction exists from 3 s. */
  LATE,
  /**
   * Waits for a person: SENT until someone presses a key through {@link FakeControl} (the QA page
   * or {@code /_fake/}). Nothing is charged until then.
   */
  MANUAL
}
