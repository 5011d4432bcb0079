package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * One tender of a paid sale: the RRPay credit number, the amount, and for cards the masked PAN,
 * authorisation code and terminal id. Immutable.
 */
public final class RrPayTender {
  private final int creditNumber;
  private final Money amount;
  private final String maskedPan;
  private final String authCode;
  private final String terminalId;

  private RrPayTender(
      int creditNumber, Money amount, String maskedPan, String authCode, String terminalId) {
    this.creditNumber = creditNumber;
    this.amount = Objects.requireNonNull(amount, "amount == null");
    this.maskedPan = maskedPan;
    this.authCode = authCode;
    this.terminalId = terminalId;
  }

  /** A tender without card details (cash, voucher, ...). */
  public static RrPayTender of(int creditNumber, Money amount) {
    return new RrPayTender(creditNumber, amount, null, null, null);
  }

  /** A card tender. */
  public static RrPayTender card(
      int creditNumber, Money amount, String maskedPan, String authCode, String terminalId) {
    return new RrPayTender(creditNumber, amount, maskedPan, authCode, terminalId);
  }

  /** The RRPay credit number (see {@link CreditMapping}). */
  public int creditNumber() {
    return creditNumber;
  }

  /** The amount tendered. */
  public Money amount() {
    return amount;
  }

  /** The card number as RRPay masked it. */
  public Optional<String> maskedPan() {
    return Optional.ofNullable(maskedPan);
  }

  /** The card authorisation code. */
  public Optional<String> authCode() {
    return Optional.ofNullable(authCode);
  }

  /** The card terminal's id. */
  public Optional<String> terminalId() {
    return Optional.ofNullable(terminalId);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RrPayTender)) {
      return false;
    }
    RrPayTender t = (RrPayTender) o;
    return t.creditNumber == creditNumber
        && t.amount.equals(amount)
        && Objects.equals(t.maskedPan, maskedPan)
        && Objects.equals(t.authCode, authCode)
        && Objects.equals(t.terminalId, terminalId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(creditNumber, amount, maskedPan, authCode, terminalId);
  }

  @Override
  public String toString() {
    return "credit " + creditNumber + ": " + amount + (maskedPan == null ? "" : " " + maskedPan);
  }
}
