package dev.webecr.sdk.spi;

/**
 * Gets the provider signature for one payment attempt from the ERP's e-invoicing provider, and
 * hears how the attempt ended so the ERP can mark the signature used or cancelled.
 *
 * <p>Each attempt gets its own signature: the TID of the terminal is part of what is signed, and a
 * signature is used once. Called from the client's threads; must be thread-safe.
 *
 * <pre>{@code
 * PaymentSigner signer = request -> einvoicing.sign(request.reference(),
 *     request.terminalTid(), request.amount());
 * }</pre>
 */
@FunctionalInterface
public interface PaymentSigner {
  /** The signature for this attempt; throwing aborts the attempt before anything is sent. */
  dev.webecr.sdk.ProviderSignature sign(SigningRequest request);

  /** How the attempt ended: USED when approved, CANCELLED when nothing was charged. */
  default void onOutcome(SigningRequest request, SignatureOutcome outcome) {}
}
