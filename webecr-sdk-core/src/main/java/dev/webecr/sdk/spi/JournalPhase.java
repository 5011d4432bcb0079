package dev.webecr.sdk.spi;

/** Where one payment attempt is, as the journal records it. */
public enum JournalPhase {
  /** Written before the create was sent; the provider may or may not have it. */
  PREPARED,
  /** The provider has it and has not settled it. */
  IN_FLIGHT,
  /** The provider gave an outcome that is not in doubt. */
  SETTLED,
  /** The provider never got it or refused it: nothing was charged. */
  NOT_SENT;

  /** True while the attempt needs recovering after a crash. */
  public boolean isInFlight() {
    return this == PREPARED || this == IN_FLIGHT;
  }
}
