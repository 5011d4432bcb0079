package dev.webecr.sdk.spi;

/** Where one payment attempt is, as the journal records it. */
public enum JournalPhase {
  /** Written before the create was sent; the provider may or may not have it. */
  PREPARED,
  /** The provider has it and has not settled it. */
  IN_FLIGHT,
  /** The provider gave an outcome that is not in doubt. */
  SETTLED,
  /**
   * Proven never charged: the request never left the machine, or the provider refused it before
   * processing (a validation error naming request fields).
   */
  NOT_SENT,
  /**
   * Its create's answer was lost and the provider, asked after the settle window, did not have it:
   * the ERP was told it may pay again, but a late commit can still appear. The duplicate watch
   * looks for it until its horizon; what it finds (intent id, result) is journaled while the phase
   * stays, since the ERP was told "not sent". Paying the reference again adopts what was found.
   */
  NOT_FOUND;

  /** True while the attempt needs recovering after a crash. */
  public boolean isInFlight() {
    return this == PREPARED || this == IN_FLIGHT;
  }

  /**
   * True when the ERP was told the attempt was not sent ({@link #NOT_SENT}, {@link #NOT_FOUND}).
   */
  public boolean isNotSent() {
    return this == NOT_SENT || this == NOT_FOUND;
  }
}
