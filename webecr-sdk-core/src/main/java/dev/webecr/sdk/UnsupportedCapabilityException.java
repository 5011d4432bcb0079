package dev.webecr.sdk;

import dev.webecr.sdk.spi.Capability;

/** The provider in use cannot do what was asked (for example, RRPay has no terminal pairing). */
public class UnsupportedCapabilityException extends PosException {
  private static final long serialVersionUID = 1L;

  private final Capability capability;

  /** Creates the error for a capability the provider lacks. */
  public UnsupportedCapabilityException(String providerId, Capability capability) {
    super("provider '" + providerId + "' does not support " + capability);
    this.capability = capability;
  }

  /** The missing capability. */
  public final Capability capability() {
    return capability;
  }
}
