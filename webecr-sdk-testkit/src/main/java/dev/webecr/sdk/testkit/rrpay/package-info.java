/**
 * RASO RRPay without a fiscal device: {@link dev.webecr.sdk.testkit.rrpay.FakeRrPay}, the peer on
 * the other side of the exchange folder as {@code docs/contracts/rrpay-handoff.md} reconstructs it:
 * it takes the sales and voids the SDK hands over, "prints" receipts, answers with the tenders and
 * keeps Z reports.
 */
package dev.webecr.sdk.testkit.rrpay;
