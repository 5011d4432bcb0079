package dev.webecr.sdk;

/**
 * How a completed payment intent ended, with the provider's wire codes (APPROVED 1 ..
 * MAX_TRANSACTIONS 7), each saying what the caller does next ({@link #nextStep()}).
 *
 * <p>Only {@link #APPROVED} charged the card. {@link #UNKNOWN} and {@link #UNRECOGNIZED} are in
 * doubt, never failures. The raw code stays on {@link PaymentIntent#resultCode()}.
 */
public enum IntentResult {
  /** The card was charged. */
  APPROVED(1, NextStep.NONE),
  /** The card's bank said no. */
  DECLINED(2, NextStep.NONE),
  /** Cancelled on the terminal (by the customer or the cashier). */
  CANCELLED(3, NextStep.NONE),
  /** The terminal or host failed; nothing was charged. */
  FAILED(4, NextStep.NONE),
  /** The provider does not know whether the card was charged: recover before anything else. */
  UNKNOWN(5, NextStep.RECOVER),
  /** The terminal was busy with another dialogue; nothing was charged. */
  BUSY(6, NextStep.RETRY_LATER),
  /** The terminal's batch is full; nothing was charged until it is closed. */
  MAX_TRANSACTIONS(7, NextStep.CLOSE_BATCH_THEN_RETRY),
  /** A code this SDK version does not know: treated as in doubt. */
  UNRECOGNIZED(-1, NextStep.RECOVER);

  private final int code;
  private final NextStep nextStep;

  IntentResult(int code, NextStep nextStep) {
    this.code = code;
    this.nextStep = nextStep;
  }

  /** The provider's wire code; -1 for {@link #UNRECOGNIZED}. */
  public int code() {
    return code;
  }

  /** What the caller does next. */
  public NextStep nextStep() {
    return nextStep;
  }

  /** True when nothing is in doubt: the outcome (charged or not) is known for good. */
  public boolean isSettled() {
    return nextStep != NextStep.RECOVER;
  }

  /** The result for a wire code; {@link #UNRECOGNIZED} for codes not listed. */
  public static IntentResult fromCode(int code) {
    for (IntentResult r : values()) {
      if (r.code == code && r != UNRECOGNIZED) {
        return r;
      }
    }
    return UNRECOGNIZED;
  }
}
