package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.Money;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What RRPay handed back for one sale: the outcome, the fiscal receipt (number, register, date and
 * time), the tenders as numbered credit payments, and the cash rounding line. {@link #manual()}
 * marks tenders a cashier entered by hand when no result came. Immutable; {@link #builder()} makes
 * one for an ERP's own tests.
 */
@Value.Immutable
public abstract class RrPayResult {
  RrPayResult() {}

  /** For a fiscal return: the money-return act's number (Lithuanian rules require one). */
  public abstract Optional<String> returnAct();

  /** For a partial return: the receipt reissued for what the customer keeps. */
  public abstract Optional<String> reissuedReceipt();

  /** The sale's correlation id. */
  public abstract String id();

  /** How the sale ended. */
  public abstract RrPayOutcome outcome();

  /** The fiscal receipt number. */
  public abstract Optional<String> receiptNumber();

  /** The fiscal register's id. */
  public abstract Optional<String> registerId();

  /** When the receipt was fiscalised. */
  public abstract Optional<LocalDateTime> fiscalisedAt();

  /** The tenders. */
  public abstract List<RrPayTender> tenders();

  /** The cash rounding line in cents (tenders plus rounding equal the receipt total). */
  @Value.Default
  public long roundingCents() {
    return 0;
  }

  /** True when a cashier entered the tenders by hand. */
  @Value.Default
  public boolean manual() {
    return false;
  }

  /** The sum of the tenders. */
  public Money tendered() {
    Money sum = Money.euroCents(0);
    for (RrPayTender t : tenders()) {
      sum = sum.plus(t.amount());
    }
    return sum;
  }

  @Override
  public String toString() {
    return "RrPayResult{"
        + id()
        + " "
        + outcome()
        + (manual() ? " (manual)" : "")
        + " receipt "
        + receiptNumber().orElse(null)
        + " "
        + tenders()
        + (roundingCents() != 0 ? " rounding " + roundingCents() : "")
        + "}";
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link RrPayResult}. */
  public static final class Builder extends ImmutableRrPayResult.Builder {}
}
