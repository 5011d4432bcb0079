package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.SigningRequest;

/**
 * Signs with what the ERP's e-invoicing provider gave: the signed content from {@code --input} and
 * the signature from {@code WEBECR_SIGNATURE} (a signature is never an argument).
 */
final class EnvironmentSigner implements PaymentSigner {
  private final String input;
  private final String signature;
  private final String providerId;
  private final String signingAuthor;

  EnvironmentSigner(String input, String signature, String providerId, String signingAuthor) {
    this.input = input;
    this.signature = signature;
    this.providerId = providerId;
    this.signingAuthor = signingAuthor;
  }

  @Override
  public ProviderSignature sign(SigningRequest request) {
    if (input == null) {
      throw new InvalidRequestException(
          "--input",
          "a payment needs the signed content (Input) "
              + "from the e-invoicing provider, or --test-signer against the fake server");
    }
    if (signature == null || signature.isBlank()) {
      throw new InvalidRequestException("WEBECR_SIGNATURE", "set it to the provider's Signature");
    }
    if (providerId == null || providerId.isBlank()) {
      throw new InvalidRequestException(
          "--provider-id", "the e-invoicing provider's id at this network (WebECR's ProviderId)");
    }
    return signingAuthor == null || signingAuthor.isBlank()
        ? ProviderSignature.of(input, signature, providerId)
        : ProviderSignature.of(input, signature, providerId, signingAuthor);
  }
}
