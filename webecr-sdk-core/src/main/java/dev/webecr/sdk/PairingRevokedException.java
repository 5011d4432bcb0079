package dev.webecr.sdk;

/**
 * The terminal's {@link ApiKey} was refused while the integrator login was valid: the merchant
 * unlinked the terminal. Pair it again with a new redeem code ({@link PosClient#pair}). This is
 * never a payment failure.
 */
public class PairingRevokedException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private final String tid;

  /** Creates the error for the terminal with this TID (null when not known). */
  public PairingRevokedException(String tid, int httpStatus) {
    super(
        "the terminal's pairing was refused (revoked or unknown API key)"
            + (tid == null ? "" : " for terminal " + tid)
            + ": pair it again",
        httpStatus);
    this.tid = tid;
  }

  /** The TID of the terminal, or null when the call was not about one terminal. */
  public final String tid() {
    return tid;
  }
}
