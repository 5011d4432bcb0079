package dev.webecr.sdk.internal;

import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentOptions;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What one attempt writes before it is sent, and what it sends. */
final class AttemptRecords {
  private AttemptRecords() {}

  /**
   * The attempt's first journal entry: with the document it pays (the signed UID hash) and the
   * original it refers to, so a later payment can compare documents and find a lost void.
   */
  static JournalEntry prepared(
      PaymentRequest request,
      Terminal terminal,
      String providerReference,
      ProviderSignature signature,
      Instant now) {
    Optional<OriginalTransaction> original = request.original();
    return JournalEntry.builder()
        .providerReference(providerReference)
        .terminal(terminal)
        .kind(request.kind())
        .amount(request.amount())
        .phase(JournalPhase.PREPARED)
        .document(Optional.ofNullable(signature).map(ProviderSignature::uidHash))
        .originalIntentId(original.flatMap(OriginalTransaction::intentId))
        .originalTransactionId(original.flatMap(OriginalTransaction::transactionId))
        .createdAt(now)
        .recordedAt(now)
        .build();
  }

  /** The create the provider gets for this attempt. */
  static CreateIntentCommand command(
      PaymentRequest request,
      Terminal terminal,
      String providerReference,
      ProviderSignature signature,
      Duration serverWait) {
    return CreateIntentCommand.builder()
        .terminal(terminal)
        .kind(request.kind())
        .amount(request.amount())
        .providerReference(providerReference)
        .signature(Optional.ofNullable(signature))
        .original(request.original())
        .installments(request.installments())
        .lines(request.lines())
        .cashier(request.cashier())
        .buyer(request.buyer())
        .from((PaymentOptions) request) // method, tip, cashback, contact, preload, tax flags
        .serverWait(serverWait)
        .build();
  }
}
