package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.IntentResult;
import java.time.Instant;

/** A pressed key: the result it gives, from when, and whether a card transaction exists. */
final class FakeDecision {
  final IntentResult result;
  final Instant at;
  final boolean transaction;
  final boolean silent;

  FakeDecision(TerminalAction action, Instant at) {
    this.at = at;
    this.silent = action == TerminalAction.TIME_OUT;
    this.transaction = action == TerminalAction.APPROVE || action == TerminalAction.LOSE_LINK;
    switch (action) {
      case APPROVE:
        result = IntentResult.APPROVED;
        break;
      case DECLINE:
        result = IntentResult.DECLINED;
        break;
      case CANCEL:
        result = IntentResult.CANCELLED;
        break;
      case FAIL:
        result = IntentResult.FAILED;
        break;
      default:
        result = IntentResult.UNKNOWN;
    }
  }
}
