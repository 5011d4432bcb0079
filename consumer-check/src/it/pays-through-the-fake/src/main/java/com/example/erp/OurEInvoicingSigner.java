package com.example.erp;

import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.SigningRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The ERP's own signer: what its e-invoicing provider gives for a card payment (here made up
 * locally, as an ERP's test double of its provider would be: 24 % VAT, the payment the whole
 * document).
 */
public final class OurEInvoicingSigner implements PaymentSigner {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Europe/Athens"));
  private final Clock clock;

  /** A signer dating its signatures by {@code clock}. */
  public OurEInvoicingSigner(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ProviderSignature sign(SigningRequest r) {
    long total = r.amount().minorUnits();
    long net = Math.round(total / 1.24);
    String uid = String.format("%040X", Math.abs((long) r.reference().hashCode()));
    String input = uid + ";;" + WHEN.format(clock.instant()) + ";" + total + ";" + net + ";"
        + (total - net) + ";" + total + ";" + r.terminalTid();
    String signature = Base64.getEncoder().encodeToString(
        ("our-provider:" + r.providerReference()).getBytes(StandardCharsets.UTF_8));
    return ProviderSignature.of(input, signature, "123", "800123456");
  }
}
