package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.PaymentMethod;
import dev.webecr.sdk.TransactionType;

/**
 * WebECR's codes and query filter names: with {@link WebEcrApi} (paths, headers), {@link
 * WireBodies} (request fields), {@link MellonMapper} and {@link PairingAnswers} (answer fields),
 * every wire name of the provider lives in this package, each kind in one file.
 */
final class MellonWire {
  /** The longest server-side wait ({@code Timeout}) WebECR accepts, in seconds. */
  static final int MAX_SERVER_WAIT_SECONDS = 180;

  static final int TXN_SALE = 0;
  static final int PAYMENT_TYPE_CARD = 0;
  static final int PAYMENT_TYPE_IRIS = 1;

  /** [assumed] How a card record names an IRIS payment in {@code CardType}. */
  static final String CARD_TYPE_IRIS = "IRIS";

  /**
   * The largest amount one payment may carry, in cents. [assumed] WebECR's limit is not public;
   * 999,999.99 EUR is far above any till and far below what an 8-digit POS display overflows at.
   */
  static final long MAX_AMOUNT_CENTS = 99_999_999L;

  /** TxnType by kind, in the contract's order (0 sale ... 9 pre-payment). */
  private static final TransactionType[] BY_TXN_TYPE = {
    TransactionType.SALE,
    TransactionType.REFUND,
    TransactionType.PRE_AUTHORISATION,
    TransactionType.PRE_AUTH_COMPLETION,
    TransactionType.MAIL_ORDER,
    TransactionType.CASH_ADVANCE,
    TransactionType.CARD_PAYMENT,
    TransactionType.BILL_PAYMENT,
    TransactionType.OTHER_PAYMENT,
    TransactionType.PRE_PAYMENT
  };

  static final int ORIGINAL_IS_INTENT_ID = 1;
  static final int ORIGINAL_IS_TRANSACTION_ID = 2;

  static final String FILTER_REFERENCE = "CustomerReference";
  static final String FILTER_TRANSACTION_ID = "TransactionId";
  static final String FILTER_TID = "TID";
  static final String FILTER_FROM = "Timestamp_min";
  static final String FILTER_TO = "Timestamp_max";
  static final String FILTER_LIMIT = "limit";
  static final String PAGE_SIZE = "100";

  private MellonWire() {}

  static int txnType(TransactionType kind) {
    for (int code = 0; code < BY_TXN_TYPE.length; code++) {
      if (BY_TXN_TYPE[code] == kind) {
        return code;
      }
    }
    throw new IllegalArgumentException(kind + " has no TxnType"); // a void goes to txnvoid/
  }

  /** The kind of a TxnType; a custom type (above 50) or an unknown one reads as a sale. */
  static TransactionType kindOf(int txnType) {
    return txnType >= 0 && txnType < BY_TXN_TYPE.length
        ? BY_TXN_TYPE[txnType]
        : TransactionType.SALE;
  }

  /** PaymentType for a method; null (left out: the customer chooses) for CUSTOMER_CHOOSES. */
  static Integer paymentType(PaymentMethod method) {
    switch (method) {
      case IRIS:
        return PAYMENT_TYPE_IRIS;
      case CUSTOMER_CHOOSES:
        return null;
      default:
        return PAYMENT_TYPE_CARD;
    }
  }
}
