package dev.webecr.sdk.testkit.webecr;

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
  MANUAL;

  /** What a payment on a terminal of this profile does, in a few words (the standalone table). */
  public String description() {
    switch (this) {
      case APPROVE:
        return "approves after the dialogue (3 s)";
      case DECLINE:
        return "the host declines after 3 s";
      case CANCEL:
        return "the customer cancels after 3 s";
      case FAIL:
        return "fails after 3 s, nothing charged";
      case BUSY:
        return "answers BUSY after 1 s, nothing charged";
      case MAX_TRANSACTIONS:
        return "answers MAX_TRANSACTIONS after 1 s until its batch is closed";
      case NO_ANSWER:
        return "stays SENT, UNKNOWN after 180 s, nothing charged";
      case SLOW:
        return "approves after 150 s";
      case LATE:
        return "UNKNOWN after 3 s while the host approved; APPROVED from 60 s";
      default:
        return "waits for a person on the QA page or /_fake/";
    }
  }
}
