package dev.webecr.sdk.viva.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.UnsupportedCapabilityException;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.viva.VivaConfig;
import dev.webecr.sdk.viva.VivaProvider;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A create as the request Viva takes (viva-cloud-terminal §5, §9, §11), checked before anything
 * leaves: the session id's characters (it travels in a URL path), the demo's minimum amount, the
 * original a refund or completion names, and the AADE fields (Viva's number of the e-invoicing
 * provider, the signed input verbatim and summing up).
 */
final class VivaRequests {
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{1,50}");

  private final VivaConfig config;

  VivaRequests(VivaConfig config) {
    this.config = config;
  }

  /** A checked request, ready to send once. */
  static final class Sending {
    final String sessionId;
    final String what;
    private final Function<VivaApi, VivaAnswer> call;

    Sending(String sessionId, String what, Function<VivaApi, VivaAnswer> call) {
      this.sessionId = sessionId;
      this.what = what;
      this.call = call;
    }

    VivaAnswer send(VivaApi api) {
      return call.apply(api);
    }
  }

  Sending of(CreateIntentCommand c) {
    String sessionId = c.providerReference();
    if (!SESSION_ID.matcher(sessionId).matches()) {
      throw new InvalidRequestException(
          "reference", "Viva session ids take letters, digits, '.', '_' and '-' only");
    }
    if (c.amount().minorUnits() < config.minimumAmountCents()) {
      throw new InvalidRequestException(
          "amount",
          "at least " + config.minimumAmountCents() + " cents on Viva's " + config.environment());
    }
    VivaBodies.Payment body = new VivaBodies.Payment();
    body.sessionId = sessionId;
    body.terminalId = c.terminal().callId();
    body.cashRegisterId = config.cashRegisterId();
    body.amount = c.amount().minorUnits();
    body.currencyCode = String.format("%03d", c.amount().currency().getNumericCode());
    body.merchantReference = AttemptReference.parse(sessionId).reference();
    body.tipAmount = c.tip().map(t -> t.minorUnits()).orElse(null);
    body.maxInstalments = c.installments().orElse(null);
    aade(c, body);
    isv(c, body);
    preload(c, body);
    switch (c.kind()) {
      case SALE:
        return new Sending(sessionId, "POST transactions:sale", api -> api.sale(body));
      case PRE_AUTHORISATION:
        body.preauth = true;
        return new Sending(sessionId, "POST transactions:sale", api -> api.sale(body));
      case REFUND:
        if (c.original().flatMap(OriginalTransaction::intentId).isPresent()) {
          body.parentSessionId = c.original().get().intentId().get();
          return new Sending(sessionId, "POST transactions:refund", api -> api.refund(body));
        }
        return new Sending(
            sessionId,
            "POST transactions:unreferenced-refund",
            api -> api.unreferencedRefund(body));
      case PRE_AUTH_COMPLETION:
        body.parentSessionId =
            c.original()
                .flatMap(OriginalTransaction::intentId)
                .orElseThrow(
                    () ->
                        new InvalidRequestException(
                            "original", "a completion names its pre-authorisation's session"));
        return new Sending(
            sessionId, "POST transactions:preauth-completion", api -> api.completion(body));
      default:
        // the client refuses these before; a direct call is told which capability is missing
        throw new UnsupportedCapabilityException(
            VivaProvider.ID, Capability.valueOf(c.kind().name()));
    }
  }

  /**
   * §9, [DOC VD5]: the ISV scheme takes no unreferenced refund, pre-authorisation or completion;
   * each create names the merchant served and the ISV's fee.
   */
  private void isv(CreateIntentCommand c, VivaBodies.Payment body) {
    if (config.isvMerchantId().isEmpty()) {
      return;
    }
    switch (c.kind()) {
      case REFUND:
        if (c.original().flatMap(OriginalTransaction::intentId).isEmpty()) {
          throw new InvalidRequestException(
              "original", "Viva's ISV scheme refunds only a named sale (no unreferenced refund)");
        }
        break;
      case PRE_AUTHORISATION:
      case PRE_AUTH_COMPLETION:
        throw new UnsupportedCapabilityException(
            VivaProvider.ID, Capability.valueOf(c.kind().name()));
      default:
        break;
    }
    VivaBodies.IsvDetails isv = new VivaBodies.IsvDetails();
    isv.amount = config.isvFeeCents();
    isv.merchantId = config.isvMerchantId().get();
    isv.terminalMerchantId = config.isvMerchantId().get();
    body.isvDetails = isv;
  }

  /**
   * §5, §11 [2ND VC6, VC7]: a preloaded sale waits on the device until it is opened, for whole
   * hours, 1 to 24. How a preloaded session reads until then is not confirmed: like any session
   * still running (202), and the client's deadline runs from the preload's expiry.
   */
  private static void preload(CreateIntentCommand c, VivaBodies.Payment body) {
    if (c.preloadExpiry().isEmpty()) {
      return;
    }
    java.time.Duration d = c.preloadExpiry().get();
    if (d.toMinutes() % 60 != 0 || d.toHours() < 1 || d.toHours() > 24) {
      throw new InvalidRequestException(
          "preloadExpiry", "Viva preloads for whole hours, 1 to 24, was " + d);
    }
    body.aadePreloaded = true;
    body.aadePreloadedDuration = (int) d.toHours();
  }

  private void aade(CreateIntentCommand c, VivaBodies.Payment body) {
    if (!config.aadeMode()) {
      return;
    }
    ProviderSignature s =
        c.signature()
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "signature", "required in AADE mode (VivaConfig.aadeMode)"));
    body.aadeProviderId =
        config
            .vivaProviderIdOf(s.providerId())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "signature.providerId",
                        "no Viva number for provider '"
                            + s.providerId()
                            + "': set VivaConfig.aadeProviderIds"));
    if (!s.tid().equals(c.terminal().tid())) {
      throw new InvalidRequestException(
          "signature.input.tid",
          "signed for terminal " + s.tid() + ", sent to " + c.terminal().tid());
    }
    if (s.payableCents() != c.amount().minorUnits()) {
      throw new InvalidRequestException(
          "signature.input.payable",
          "signed for " + s.payableCents() + " cents, the amount is " + c.amount().minorUnits());
    }
    if (s.netCents() + s.vatCents() != s.totalCents()) {
      throw new InvalidRequestException(
          "signature.input.total", "net + VAT is not the total in the signed input");
    }
    body.aadeProviderSignatureData = s.input(); // verbatim, not split: Viva checks it whole
    body.aadeProviderSignature = s.signature();
  }
}
