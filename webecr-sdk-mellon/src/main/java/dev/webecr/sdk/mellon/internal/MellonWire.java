package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.TransactionType;

/**
 * WebECR's codes and query filter names: with {@link WebEcrApi} (paths, headers), {@link
 * WireBodies} (request fields) and {@link MellonMapper} (answer fields), every wire name of the
 * provider lives in this package.
 */
final class MellonWire {
  /** The longest server-side wait ({@code Timeout}) WebECR accepts, in seconds. */
  static final int MAX_SERVER_WAIT_SECONDS = 180;

  static final int TXN_SALE = 0;
  static final int TXN_REFUND = 1;
  static final int PAYMENT_TYPE_CARD = 0;
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
    return kind == TransactionType.REFUND ? TXN_REFUND : TXN_SALE;
  }
}
