package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.Money;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What RRPay handed back for one sale: the outcome, the fiscal receipt (number, register, date and
 * time), the tenders as numbered credit payments, and the cash rounding line. {@link #manual()}
 * marks tenders a cashier entered by hand when no result came. Immutable.
 */
public final class RrPayResult {
  private final String id;
  private final RrPayOutcome outcome;
  private final String receiptNumber;
  private final String registerId;
  private final LocalDateTime fiscalisedAt;
  private final List<RrPayTender> tenders;
  private final long roundingCents;
  private final boolean manual;
  private final String returnAct;
  private final String reissuedReceipt;

  RrPayResult(
      String id,
      RrPayOutcome outcome,
      String receiptNumber,
      String registerId,
      LocalDateTime fiscalisedAt,
      List<RrPayTender> tenders,
      long roundingCents,
      boolean manual) {
    this(
        id,
        outcome,
        receiptNumber,
        registerId,
        fiscalisedAt,
        tenders,
        roundingCents,
        manual,
        null,
        null);
  }

  RrPayResult(
      String id,
      RrPayOutcome outcome,
      String receiptNumber,
      String registerId,
      LocalDateTime fiscalisedAt,
      List<RrPayTender> tenders,
      long roundingCents,
      boolean manual,
      String returnAct,
      String reissuedReceipt) {
    this.id = Objects.requireNonNull(id, "id == null");
    this.outcome = Objects.requireNonNull(outcome, "outcome == null");
    this.receiptNumber = receiptNumber;
    this.registerId = registerId;
    this.fiscalisedAt = fiscalisedAt;
    this.tenders = List.copyOf(tenders);
    this.roundingCents = roundingCents;
    this.manual = manual;
    this.returnAct = returnAct;
    this.reissuedReceipt = reissuedReceipt;
  }

  /** For a fiscal return: the money-return act's number (Lithuanian rules require one). */
  public Optional<String> returnAct() {
    return Optional.ofNullable(returnAct);
  }

  /** For a partial return: the receipt reissued for what the customer keeps. */
  public Optional<String> reissuedReceipt() {
    return Optional.ofNullable(reissuedReceipt);
  }

  /** The sale's correlation id. */
  public String id() {
    return id;
  }

  /** How the sale ended. */
  public RrPayOutcome outcome() {
    return outcome;
  }

  /** The fiscal receipt number. */
  public Optional<String> receiptNumber() {
    return Optional.ofNullable(receiptNumber);
  }

  /** The fiscal register's id. */
  public Optional<String> registerId() {
    return Optional.ofNullable(registerId);
  }

  /** When the receipt was fiscalised. */
  public Optional<LocalDateTime> fiscalisedAt() {
    return Optional.ofNullable(fiscalisedAt);
  }

  /** The tenders. */
  public List<RrPayTender> tenders() {
    return tenders;
  }

  /** The cash rounding line in cents (tenders plus rounding equal the receipt total). */
  public long roundingCents() {
    return roundingCents;
  }

  /** True when a cashier entered the tenders by hand. */
  public boolean manual() {
    return manual;
  }

  /** The sum of the tenders. */
  public Money tendered() {
    Money sum = Money.euroCents(0);
    for (RrPayTender t : tenders) {
      sum = sum.plus(t.amount());
    }
    return sum;
  }

  @Override
  public String toString() {
    return "RrPayResult{"
        + id
        + " "
        + outcome
        + (manual ? " (manual)" : "")
        + " receipt "
        + receiptNumber
        + " "
        + tenders
        + (roundingCents != 0 ? " rounding " + roundingCents : "")
        + "}";
  }
}
