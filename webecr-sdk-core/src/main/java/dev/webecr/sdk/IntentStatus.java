package dev.webecr.sdk;

/**
 * Where a payment intent is in its life, with the provider's wire codes (PENDING 1, SENT 2,
 * COMPLETED 3). A code this SDK does not know yet becomes {@link #UNRECOGNIZED}, never an error;
 * the raw code stays on {@link PaymentIntent#statusCode()}.
 */
public enum IntentStatus {
  /** Created, not yet on the terminal. */
  PENDING(1),
  /** On the terminal: the card dialogue is running. */
  SENT(2),
  /** Finished: {@link PaymentIntent#result()} says how. */
  COMPLETED(3),
  /** A code this SDK version does not know. Treated as not finished. */
  UNRECOGNIZED(-1);

  private final int code;

  IntentStatus(int code) {
    this.code = code;
  }

  /** The provider's wire code; -1 for {@link #UNRECOGNIZED}. */
  public int code() {
    return code;
  }

  /** The status for a wire code; {@link #UNRECOGNIZED} for codes not listed. */
  public static IntentStatus fromCode(int code) {
    for (IntentStatus s : values()) {
      if (s.code == code && s != UNRECOGNIZED) {
        return s;
      }
    }
    return UNRECOGNIZED;
  }
}
