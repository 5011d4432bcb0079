package dev.webecr.sdk.rrpay;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One business day's takings as the ERP knows them, to compare with RRPay's Z report: net cents per
 * credit number (sales minus fiscal returns), the cash rounding on its own line, and how many
 * receipts of each kind went into it. A sale the cashier resolved by hand counts on the business
 * day it was made, with the tenders entered (RRPay's own result wins once it arrives).
 */
public final class RrPayDayTotals {
  private final LocalDate day;
  private final Map<Integer, Long> netCents;
  private final long roundingCents;
  private final int sales;
  private final int returns;
  private final int manual;

  RrPayDayTotals(
      LocalDate day,
      Map<Integer, Long> netCents,
      long roundingCents,
      int sales,
      int returns,
      int manual) {
    this.day = day;
    this.netCents = Collections.unmodifiableMap(new TreeMap<>(netCents)); // by credit number
    this.roundingCents = roundingCents;
    this.sales = sales;
    this.returns = returns;
    this.manual = manual;
  }

  /** The business day (Europe/Vilnius). */
  public LocalDate day() {
    return day;
  }

  /** Net cents per RRPay credit number, in number order: sales minus returns. */
  public Map<Integer, Long> netCents() {
    return netCents;
  }

  /** Cash rounding in cents (sales minus returns): what the Z report shows as rounding. */
  public long roundingCents() {
    return roundingCents;
  }

  /** Paid sales counted. */
  public int sales() {
    return sales;
  }

  /** Fiscal returns counted. */
  public int returns() {
    return returns;
  }

  /** Of those, resolved by hand (no result from RRPay). */
  public int manual() {
    return manual;
  }

  @Override
  public String toString() {
    return "RrPayDayTotals{"
        + day
        + ", net "
        + netCents
        + ", rounding "
        + roundingCents
        + ", sales "
        + sales
        + ", returns "
        + returns
        + ", manual "
        + manual
        + "}";
  }
}
