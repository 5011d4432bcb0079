package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.PaymentIntent;

/** What the command line's exit code says about a payment. */
final class ExitCodes {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int NOT_CHARGED = 2;
  static final int BUSY = 3;
  static final int BATCH_FULL = 4;
  static final int IN_DOUBT = 5;
  static final int USAGE = 64;

  private ExitCodes() {}

  static int of(PaymentIntent intent) {
    if (!intent.isSettled()) {
      return IN_DOUBT;
    }
    IntentResult r = intent.result().orElseThrow();
    switch (r) {
      case APPROVED:
        return OK;
      case BUSY:
        return BUSY;
      case MAX_TRANSACTIONS:
        return BATCH_FULL;
      default:
        return NOT_CHARGED;
    }
  }
}
