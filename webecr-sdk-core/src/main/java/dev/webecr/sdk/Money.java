package dev.webecr.sdk;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * An amount of money in minor units (cents) of a currency. Never negative.
 *
 * <p>{@code Money.of(2480, EUR)} and {@code Money.parse("24.80", EUR)} are the same 24.80 EUR;
 * {@code Money.parse("24.805", EUR)} is rejected, as EUR has two decimals. Immutable.
 */
@Value.Immutable(builder = false)
public abstract class Money implements Comparable<Money> {
  /** The euro, the currency of both supported markets. */
  public static final Currency EUR = Currency.getInstance("EUR");

  Money() {}

  /** The amount in the currency's minor units: cents for EUR. */
  @Value.Parameter
  public abstract long minorUnits();

  /** The currency. */
  @Value.Parameter
  public abstract Currency currency();

  /** An amount of {@code minorUnits} (cents for EUR). */
  public static Money of(long minorUnits, Currency currency) {
    Objects.requireNonNull(currency, "currency == null");
    return ImmutableMoney.of(minorUnits, currency);
  }

  /** An amount in euro cents. */
  public static Money euroCents(long cents) {
    return of(cents, EUR);
  }

  /**
   * Parses a decimal amount in major units ({@code "24.80"}); rejects more decimals than the
   * currency has.
   */
  public static Money parse(String amount, Currency currency) {
    Objects.requireNonNull(amount, "amount == null");
    Objects.requireNonNull(currency, "currency == null");
    BigDecimal value;
    try {
      value = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("amount", "not a decimal number: '" + amount + "'");
    }
    return of(value, currency);
  }

  /** An amount in major units; rejects more decimals than the currency has. */
  public static Money of(BigDecimal amount, Currency currency) {
    Objects.requireNonNull(amount, "amount == null");
    Objects.requireNonNull(currency, "currency == null");
    int digits = checkedDigits(currency);
    BigDecimal minor = amount.movePointRight(digits);
    if (minor.stripTrailingZeros().scale() > 0) {
      throw new InvalidRequestException(
          "amount",
          amount.toPlainString() + " has more than " + digits + " decimals for " + currency);
    }
    try {
      return of(minor.longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw new InvalidRequestException("amount", "out of range: " + amount.toPlainString());
    }
  }

  /** This amount in major units, with the currency's number of decimals. */
  public BigDecimal toDecimal() {
    return BigDecimal.valueOf(minorUnits(), currency().getDefaultFractionDigits());
  }

  /** True when the amount is zero. */
  public boolean isZero() {
    return minorUnits() == 0;
  }

  /** The sum of two amounts of the same currency. */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return of(Math.addExact(minorUnits(), other.minorUnits()), currency());
  }

  /** Compares amounts of the same currency. */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits(), other.minorUnits());
  }

  private void requireSameCurrency(Money other) {
    if (!currency().equals(other.currency())) {
      throw new InvalidRequestException(
          "currency", "cannot combine " + currency() + " with " + other.currency());
    }
  }

  @Value.Check
  void check() {
    if (minorUnits() < 0) {
      throw new InvalidRequestException("amount", "must not be negative, was " + minorUnits());
    }
    checkedDigits(currency());
  }

  private static int checkedDigits(Currency currency) {
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidRequestException("currency", currency + " is not a currency of payments");
    }
    return digits;
  }

  @Override
  public String toString() {
    return toDecimal().toPlainString() + " " + currency().getCurrencyCode();
  }
}
