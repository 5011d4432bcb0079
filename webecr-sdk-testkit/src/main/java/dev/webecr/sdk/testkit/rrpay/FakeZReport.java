package dev.webecr.sdk.testkit.rrpay;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A day's Z report as the fake RRPay's fiscal device has it: what day-end totals must match. */
public final class FakeZReport {
  /** Net cents per credit number, in number order: sales minus returns. */
  public final Map<Integer, Long> netCents;

  /** Cash rounding, sales minus returns, in cents. */
  public final long roundingCents;

  FakeZReport(Map<Integer, Long> netCents, long roundingCents) {
    this.netCents = Collections.unmodifiableMap(new TreeMap<>(netCents));
    this.roundingCents = roundingCents;
  }

  @Override
  public String toString() {
    return "Z report: net " + netCents + ", rounding " + roundingCents;
  }
}
