package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.mellon.InitialTransactionField;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.spi.CreateIntentCommand;

/** The {@code txninit/} body of a create: every field of the contract from the command. */
final class TxnInitBodies {
  private TxnInitBodies() {}

  static WireBodies.TxnInit of(CreateIntentCommand c, Long timeout, MellonConfig config) {
    WireBodies.TxnInit b = new WireBodies.TxnInit();
    b.TxnType = MellonWire.txnType(c.kind());
    b.Amount = c.amount().minorUnits();
    b.CurrencyCode = NumericCurrencies.code(c.amount().currency());
    b.Instalments = c.installments().orElse(null);
    b.CustomerReference = c.providerReference();
    b.PaymentType = MellonWire.paymentType(c.paymentMethod()); // null: the customer chooses
    b.Timeout = timeout;
    if (c.kind().allowsOriginal() && c.original().isPresent()) {
      b.InitialTransaction = initialTransaction(c.original().get(), config);
    }
    b.TipAmount = c.tip().map(Money::minorUnits).orElse(null);
    b.CashbackAmount = c.cashback().map(Money::minorUnits).orElse(null);
    b.CustomerEmail = c.customerEmail().orElse(null);
    b.CustomerPhone = c.customerPhone().orElse(null);
    if (c.preloadExpiry().isPresent()) {
      b.PreloadTransaction = true;
      b.PreloadExpiration = c.preloadExpiry().get().toMinutes();
    }
    b.IsTaxFree = c.taxFree() ? Boolean.TRUE : null;
    b.OnBehalfCollection = c.onBehalfCollection() ? Boolean.TRUE : null;
    // no signature: a series that needs none (the client let it through only when asked)
    b.ProviderData = c.signature().map(TxnInitBodies::providerData).orElse(null);
    return b;
  }

  private static String initialTransaction(OriginalTransaction o, MellonConfig config) {
    if (config.initialTransactionField() == InitialTransactionField.TRANSACTION_ID) {
      return o.transactionId()
          .orElseThrow(
              () ->
                  new InvalidRequestException(
                      "original.transactionId",
                      "a linked refund or a completion needs the original's TransactionId"));
    }
    return o.transactionRecordId()
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "original.transactionRecordId",
                    "a linked refund or a completion needs the original's transaction record"));
  }

  private static WireBodies.ProviderData providerData(ProviderSignature s) {
    WireBodies.ProviderData d = new WireBodies.ProviderData();
    d.Uid = s.uidHash();
    d.Mark = s.mark().orElse(null);
    d.SignatureTimestamp = s.timestampText();
    d.NetAmount = s.netCents();
    d.VatAmount = s.vatCents();
    d.TotalAmount = s.totalCents();
    d.ProviderId = s.providerId();
    d.Signature = s.signature();
    return d;
  }

  /** The body of a void: its original by intent id, else by TransactionId; no signature. */
  static WireBodies.TxnVoid voidOf(CreateIntentCommand c, Long timeout) {
    OriginalTransaction o =
        c.original()
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "original", "a void needs the original transaction"));
    WireBodies.TxnVoid b = new WireBodies.TxnVoid();
    if (o.intentId().isPresent()) {
      b.OriginalIdentifier = o.intentId().get();
      b.OriginalIdentifierType = MellonWire.ORIGINAL_IS_INTENT_ID;
    } else {
      b.OriginalIdentifier = o.transactionId().get();
      b.OriginalIdentifierType = MellonWire.ORIGINAL_IS_TRANSACTION_ID;
    }
    b.Timeout = timeout;
    return b;
  }
}
