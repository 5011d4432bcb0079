package dev.webecr.sdk.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.UnsupportedCapabilityException;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.PosProvider;

/** What {@link PosClient} checks of a payment before anything is journaled or sent. */
final class PaymentChecks {
  private PaymentChecks() {}

  /**
   * The request, its terminal carrying the remembered API key; refused, naming the field, when the
   * terminal is another provider's, the provider cannot do it, or the reference is too long.
   */
  static PaymentRequest check(
      PaymentRequest request, PosProvider provider, RememberedTerminals terminals) {
    Terminal terminal = request.terminal();
    if (!terminal.providerId().equals(provider.id())) {
      throw new InvalidRequestException(
          "terminal.providerId",
          "terminal "
              + terminal.tid()
              + " belongs to provider '"
              + terminal.providerId()
              + "', this client speaks to '"
              + provider.id()
              + "'");
    }
    for (Capability needed : Capability.requiredBy(request, provider.capabilities())) {
      requireCapability(provider, needed);
    }
    ProviderLimits.check(request, provider);
    int max = provider.maxReferenceLength() - AttemptReference.MAX_SUFFIX_LENGTH;
    if (request.reference().length() > max) {
      throw new InvalidRequestException(
          "reference",
          "at most "
              + max
              + " characters for provider '"
              + provider.id()
              + "', was "
              + request.reference().length());
    }
    terminals.remember(terminal);
    Terminal withKey = terminals.withKey(terminal);
    return withKey == terminal
        ? request
        : PaymentRequest.builder().from(request).terminal(withKey).build();
  }

  static void requireCapability(PosProvider provider, Capability capability) {
    if (!provider.capabilities().contains(capability)) {
      throw new UnsupportedCapabilityException(provider.id(), capability);
    }
  }
}
