package dev.webecr.sdk;

import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of the sale, for providers that print the fiscal receipt themselves (RRPay). The line
 * total is what the customer pays for the line, discounts applied.
 */
@Value.Immutable
public abstract class BasketLine {
  BasketLine() {}

  /** The ERP's item code. */
  public abstract String code();

  /** The item's barcode. */
  public abstract Optional<String> barcode();

  /** The item's name, as printed. */
  public abstract String name();

  /** How many units; more than zero. */
  public abstract BigDecimal quantity();

  /** The unit of measure, as printed ("vnt.", "kg"). */
  public abstract Optional<String> unit();

  /** The price of one unit before discount. */
  public abstract Money unitPrice();

  /** The discount on the whole line. */
  public abstract Optional<Money> discount();

  /** The VAT rate in percent (21 for 21 %). */
  public abstract BigDecimal vatRate();

  /** What the customer pays for the line. */
  public abstract Money lineTotal();

  @Value.Check
  void check() {
    Checks.notBlank("lines.code", code());
    Checks.notBlank("lines.name", name());
    if (quantity().signum() <= 0) {
      throw new InvalidRequestException("lines.quantity", "must be more than zero");
    }
    if (vatRate().signum() < 0 || vatRate().compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidRequestException("lines.vatRate", "must be 0 to 100 percent");
    }
    if (!unitPrice().currency().equals(lineTotal().currency())) {
      throw new InvalidRequestException("lines.lineTotal", "currency differs from unitPrice");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BasketLine}. */
  public static final class Builder extends ImmutableBasketLine.Builder {
    Builder() {}
  }
}
