package dev.webecr.sdk.testkit.viva;

import java.time.Duration;

/**
 * The fake's terminals (viva-cloud-terminal §17 #24), by terminal id: what the person at the
 * terminal does with a session sent to it.
 */
public enum FakeVivaTerminal {
  /** 16000001: the card is approved after 3 s. */
  APPROVE("16000001", Duration.ofSeconds(3), true, 0),
  /** 16000002: declined by the host (1006) after 3 s. */
  DECLINE("16000002", Duration.ofSeconds(3), false, 1006),
  /** 16000003: the customer cancels on the device (1000) after 3 s. */
  CANCEL("16000003", Duration.ofSeconds(3), false, 1000),
  /** 16000004: the request never reaches the device: "being processed" for ever. */
  NEVER_REACHED("16000004", null, false, 0),
  /** 16000005: the card is read at once and approved after 90 s. */
  SLOW("16000005", Duration.ofSeconds(90), true, 0),
  /** 16000006: nobody pays: the session expires unpaid after 60 s (1003). */
  NOBODY_PAYS("16000006", Duration.ofSeconds(60), false, 1003),
  /** 16000007: acknowledges an abort (even where aborts work) and goes on: approved after 40 s. */
  ACKNOWLEDGES_ABORT("16000007", Duration.ofSeconds(40), true, 0),
  /** 16000008: a person decides on the QA page or through the control API; waits till then. */
  MANUAL("16000008", null, false, 0);

  private final String terminalId;
  private final Duration after;
  private final boolean approves;
  private final int eventId;

  FakeVivaTerminal(String terminalId, Duration after, boolean approves, int eventId) {
    this.terminalId = terminalId;
    this.after = after;
    this.approves = approves;
    this.eventId = eventId;
  }

  /** Its terminal id, as Viva's device search lists it. */
  public String terminalId() {
    return terminalId;
  }

  /** How long its dialogue takes; null: it never ends. */
  Duration after() {
    return after;
  }

  boolean approves() {
    return approves;
  }

  int eventId() {
    return eventId;
  }

  /** The terminal with this id, if it is one of the fake's. */
  static FakeVivaTerminal of(String terminalId) {
    for (FakeVivaTerminal t : values()) {
      if (t.terminalId.equals(terminalId)) {
        return t;
      }
    }
    return null;
  }
}
