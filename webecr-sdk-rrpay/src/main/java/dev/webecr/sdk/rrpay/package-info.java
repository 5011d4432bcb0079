/**
 * The RASO RRPay handoff provider for Rivile GAMA's non-fiscal POS (Lithuania): the finished sale
 * goes to RRPay, which takes the payment, prints the fiscal receipt and hands back the tenders.
 */
@ValueStyle
package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.spi.ValueStyle;
