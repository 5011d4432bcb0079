package dev.webecr.sdk.rrpay;

import java.time.LocalDate;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * One business day's takings as the ERP knows them, to compare with RRPay's Z report: net cents per
 * credit number (sales minus fiscal returns), the cash rounding on its own line, and how many
 * receipts of each kind went into it. A sale the cashier resolved by hand counts on the business
 * day it was made, with the tenders entered (RRPay's own result wins once it arrives). Immutable;
 * {@link #builder()} makes one for an ERP's own tests.
 */
@Value.Immutable
public abstract class RrPayDayTotals {
  RrPayDayTotals() {}

  /** The business day (Europe/Vilnius). */
  public abstract LocalDate day();

  /** Net cents per RRPay credit number, in number order: sales minus returns. */
  @Value.NaturalOrder
  public abstract SortedMap<Integer, Long> netCents();

  /** Cash rounding in cents (sales minus returns): what the Z report shows as rounding. */
  public abstract long roundingCents();

  /** Paid sales counted. */
  public abstract int sales();

  /** Fiscal returns counted. */
  public abstract int returns();

  /** Of those, resolved by hand (no result from RRPay). */
  public abstract int manual();

  @Override
  public String toString() {
    return "RrPayDayTotals{"
        + day()
        + ", net "
        + netCents()
        + ", rounding "
        + roundingCents()
        + ", sales "
        + sales()
        + ", returns "
        + returns()
        + ", manual "
        + manual()
        + "}";
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link RrPayDayTotals}. */
  public static final class Builder extends ImmutableRrPayDayTotals.Builder {}
}
