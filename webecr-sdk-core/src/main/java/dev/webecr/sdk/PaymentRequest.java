package dev.webecr.sdk;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One payment to run on one terminal: a sale, a refund, a void, a pre-authorisation and its
 * completion, or another of the {@link TransactionType}s, with the options acquirers offer (IRIS,
 * tip, cashback, e-receipt contact, preload, tax flags, unsigned series).
 *
 * <p>{@link #reference()} is the ERP's own document id and the idempotency key: paying again with
 * the same reference never charges twice; it returns the approved intent, resumes the one in
 * flight, or starts a new attempt when earlier ones charged nothing.
 *
 * <pre>{@code
 * PaymentRequest sale = PaymentRequest.builder()
 *     .terminal(terminal)
 *     .amount(Money.parse("24.80", Money.EUR))
 *     .reference("INV-2026-000123")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class PaymentRequest implements PaymentOptions {
  /** Longest reference any provider gets: attempt suffixes must still fit providers' limits. */
  public static final int MAX_REFERENCE_LENGTH = 64;

  PaymentRequest() {}

  /** The terminal, with its API key where the provider needs one. */
  public abstract Terminal terminal();

  /** The amount to charge, refund or void; more than zero. */
  public abstract Money amount();

  /** Sale (the default), refund, void, or another {@link TransactionType}. */
  @Value.Default
  public TransactionType kind() {
    return TransactionType.SALE;
  }

  /** The ERP's document id: the idempotency key of this payment. */
  public abstract String reference();

  /** The transaction a void (required) or a linked refund (optional) refers to. */
  public abstract Optional<OriginalTransaction> original();

  /** Number of instalments, where the card and acquirer allow them. */
  public abstract Optional<Integer> installments();

  /** The basket, for providers that print the fiscal receipt (RRPay). */
  public abstract List<BasketLine> lines();

  /** Who is at the till, for providers that print it on the receipt (RRPay). */
  public abstract Optional<String> cashier();

  /** The buyer, for a sale that gets an invoice (RRPay). */
  public abstract Optional<Buyer> buyer();

  /**
   * The document's series needs no provider signature, so none is asked for or sent. Chosen per
   * payment and never assumed: without it a provider that needs signatures gets one, and a client
   * with no signer stays an error.
   */
  @Value.Default
  public boolean unsignedSeries() {
    return false;
  }

  @Value.Check
  void check() {
    Checks.notBlank("reference", reference());
    Checks.maxLength("reference", reference(), MAX_REFERENCE_LENGTH);
    if (amount().isZero()) {
      throw new InvalidRequestException("amount", "must be more than zero");
    }
    if (kind().needsOriginal() && original().isEmpty()) {
      throw new InvalidRequestException(
          "original", "a " + PaymentRequestChecks.name(kind()) + " needs the original transaction");
    }
    if (!kind().allowsOriginal() && original().isPresent()) {
      throw new InvalidRequestException(
          "original", "a " + PaymentRequestChecks.name(kind()) + " has no original transaction");
    }
    PaymentRequestChecks.check(this);
    cashier().ifPresent(c -> Checks.notBlank("cashier", c));
    installments()
        .ifPresent(
            n -> {
              if (n < 1 || n > 99) {
                throw new InvalidRequestException("installments", "must be 1 to 99, was " + n);
              }
            });
    if (!lines().isEmpty()) {
      Money sum = Money.of(0, amount().currency());
      for (BasketLine line : lines()) {
        if (!line.lineTotal().currency().equals(amount().currency())) {
          throw new InvalidRequestException("lines.lineTotal", "currency differs from amount");
        }
        sum = sum.plus(line.lineTotal());
      }
      if (!sum.equals(amount())) {
        throw new InvalidRequestException(
            "lines", "line totals add up to " + sum + ", amount is " + amount());
      }
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PaymentRequest}; {@code build()} names any missing field. */
  public static final class Builder extends ImmutablePaymentRequest.Builder {
    Builder() {}
  }
}
