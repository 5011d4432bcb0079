package dev.webecr.sdk;

import java.time.Duration;
import java.util.regex.Pattern;

/** The checks of a {@link PaymentRequest}'s options; each failure names the field. */
final class PaymentRequestChecks {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
  private static final Duration LONGEST_PRELOAD = Duration.ofDays(7);

  private PaymentRequestChecks() {}

  static void check(PaymentRequest r) {
    r.tip().ifPresent(tip -> extra("tip", tip, r));
    r.cashback()
        .ifPresent(
            cash -> {
              extra("cashback", cash, r);
              if (r.kind() != TransactionType.SALE) {
                throw new InvalidRequestException("cashback", "only a sale can give cash back");
              }
              if (cash.compareTo(r.amount()) >= 0) {
                throw new InvalidRequestException(
                    "cashback", "must be less than the amount charged, which includes it");
              }
            });
    if (r.tip().isPresent() && !r.kind().charges()) {
      throw new InvalidRequestException("tip", "a " + name(r.kind()) + " takes no tip");
    }
    r.customerEmail()
        .ifPresent(
            e -> {
              if (e.length() > 100 || !EMAIL.matcher(e).matches()) {
                throw new InvalidRequestException("customerEmail", "not an e-mail address");
              }
            });
    r.customerPhone()
        .ifPresent(
            p -> {
              if (!PHONE.matcher(p).matches()) {
                throw new InvalidRequestException(
                    "customerPhone", "6 to 15 digits, optionally after a '+'");
              }
            });
    r.preloadExpiry().ifPresent(d -> preload(d, r.kind()));
    if (r.paymentMethod() != PaymentMethod.CARD
        && !(r.kind() == TransactionType.SALE || r.kind() == TransactionType.REFUND)) {
      throw new InvalidRequestException(
          "paymentMethod", r.paymentMethod() + " pays sales and refunds only");
    }
  }

  private static void extra(String field, Money m, PaymentRequest r) {
    if (!m.currency().equals(r.amount().currency())) {
      throw new InvalidRequestException(field, "must be in " + r.amount().currency());
    }
    if (m.isZero()) {
      throw new InvalidRequestException(field, "leave it out rather than zero");
    }
  }

  private static void preload(Duration d, TransactionType kind) {
    if (kind != TransactionType.SALE) {
      throw new InvalidRequestException("preloadExpiry", "only a sale can be preloaded");
    }
    if (d.compareTo(Duration.ofMinutes(1)) < 0
        || d.compareTo(LONGEST_PRELOAD) > 0
        || d.toSeconds() % 60 != 0) {
      throw new InvalidRequestException(
          "preloadExpiry", "whole minutes, 1 minute to 7 days, was " + d);
    }
  }

  /** A kind as a sentence names it: {@code pre authorisation}. */
  static String name(TransactionType kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
