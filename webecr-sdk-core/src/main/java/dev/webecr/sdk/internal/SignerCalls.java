package dev.webecr.sdk.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.spi.SigningRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signature of one attempt: asks the {@link PaymentSigner}, checks what it signed against the
 * payment, and tells it the outcome exactly once.
 */
final class SignerCalls {
  private static final Logger log = LoggerFactory.getLogger(SignerCalls.class);

  private final PaymentSigner signer;
  private final SigningRequest request;
  private boolean owed;

  SignerCalls(PaymentSigner signer, SigningRequest request) {
    this.signer = signer;
    this.request = request;
  }

  /** Nothing to sign and nothing owed: an attempt only read. */
  static SignerCalls none() {
    return new SignerCalls(null, null);
  }

  /** The signing of attempt {@code attempt} of a new payment. */
  static SignerCalls forAttempt(PaymentSigner signer, PaymentRequest payment, int attempt) {
    return new SignerCalls(
        signer,
        SigningRequest.builder()
            .reference(payment.reference())
            .providerReference(AttemptReference.format(payment.reference(), attempt))
            .attempt(attempt)
            .kind(payment.kind())
            .amount(payment.amount())
            .terminalTid(payment.terminal().tid())
            .network(payment.terminal().providerId())
            .build());
  }

  /**
   * The signing of a journaled attempt being resumed; {@code signed}: it was signed before, so the
   * signer is still owed its outcome.
   */
  static SignerCalls forJournaled(PaymentSigner signer, JournalEntry journaled, boolean signed) {
    SignerCalls calls =
        new SignerCalls(
            signer,
            SigningRequest.builder()
                .reference(journaled.reference())
                .providerReference(journaled.providerReference())
                .attempt(journaled.attempt())
                .kind(journaled.kind())
                .amount(journaled.amount())
                .terminalTid(journaled.terminal().tid())
                .network(journaled.terminal().providerId())
                .build());
    calls.owed = signed;
    return calls;
  }

  SigningRequest request() {
    return request;
  }

  /**
   * Signs the attempt; a signature for another terminal or amount is refused (the caller, ending
   * the payment, cancels it).
   */
  ProviderSignature sign(PaymentRequest payment) {
    ProviderSignature s;
    try {
      s = signer.sign(request);
    } catch (PosException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidRequestException(
          "signature", "the PaymentSigner failed (" + e.getClass().getSimpleName() + ")");
    }
    if (s == null) {
      throw new InvalidRequestException("signature", "the PaymentSigner returned null");
    }
    owed = true; // from here on, whoever ends the payment tells the signer
    if (!s.tid().equals(payment.terminal().tid())) {
      throw new InvalidRequestException(
          "signature.input.tid",
          "signed for terminal "
              + s.tid()
              + " but the payment runs on terminal "
              + payment.terminal().tid());
    }
    if (s.payableCents() != payment.amount().minorUnits()) {
      throw new InvalidRequestException(
          "signature.input.payable",
          "signed for "
              + s.payableCents()
              + " cents but the amount is "
              + payment.amount().minorUnits());
    }
    return s;
  }

  /** Tells the signer the outcome, once; later calls do nothing. */
  void tell(SignatureOutcome outcome) {
    if (!owed || signer == null) {
      return;
    }
    owed = false;
    try {
      signer.onOutcome(request, outcome);
    } catch (RuntimeException e) {
      log.warn("PaymentSigner.onOutcome failed for {}", request.providerReference(), e);
    }
  }
}
