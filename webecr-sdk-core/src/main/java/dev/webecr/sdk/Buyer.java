package dev.webecr.sdk;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The buyer of a sale that gets an invoice (a company, typically), for providers that print the
 * fiscal receipt themselves (RRPay: the invoice is issued from the sale).
 */
@Value.Immutable
public abstract class Buyer {
  Buyer() {}

  /** The buyer's name, as printed. */
  public abstract String name();

  /** The company (or person) code. */
  public abstract Optional<String> code();

  /** The VAT payer code. */
  public abstract Optional<String> vatCode();

  /** The address, as printed. */
  public abstract Optional<String> address();

  @Value.Check
  void check() {
    Checks.notBlank("buyer.name", name());
    code().ifPresent(c -> Checks.notBlank("buyer.code", c));
    vatCode().ifPresent(c -> Checks.notBlank("buyer.vatCode", c));
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Buyer}. */
  public static final class Builder extends ImmutableBuyer.Builder {
    Builder() {}
  }
}
