package dev.webecr.sdk.rrpay.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.CreateIntentCommand;
import java.util.Map;

/**
 * What a create becomes at RRPay: a sale, a fiscal return naming the sale's receipt, or a cancel
 * (F8), each checked before anything is written (a sale needs its cashier and basket, a return its
 * sale's printed receipt and room left to return, a cancel a sale not printed yet).
 */
final class RrPayRequestKind {
  final String type;
  final String originalId;
  final Map<String, String> originalReceipt;

  private RrPayRequestKind(String type, String originalId, Map<String, String> originalReceipt) {
    this.type = type;
    this.originalId = originalId;
    this.originalReceipt = originalReceipt;
  }

  static RrPayRequestKind of(CreateIntentCommand c, RrPayBooks books) {
    String type;
    String originalId = null;
    Map<String, String> originalReceipt = null;
    if (c.kind() == TransactionType.SALE) {
      type = RrPayCodec.SALE;
      if (c.cashier().isEmpty()) {
        throw new InvalidRequestException("cashier", "RRPay prints the cashier on the receipt");
      }
      if (c.lines().isEmpty()) {
        throw new InvalidRequestException(
            "lines", "RRPay prints the fiscal receipt: a sale needs its basket lines");
      }
    } else if (c.kind() == TransactionType.REFUND) {
      type = RrPayCodec.RETURN;
      originalId =
          c.original()
              .flatMap(o -> o.intentId())
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "original.intentId", "a fiscal return needs the sale"));
      originalReceipt = books.receiptToReturn(originalId, c.amount().minorUnits(), c.lines());
    } else {
      type = RrPayCodec.CANCEL;
      originalId =
          c.original()
              .flatMap(o -> o.intentId())
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "original.intentId", "a cancel needs the sale's id"));
      books.refuseCancelOfAPrintedSale(originalId);
    }
    return new RrPayRequestKind(type, originalId, originalReceipt);
  }
}
