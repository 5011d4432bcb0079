package dev.webecr.sdk.rrpay.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.rrpay.CreditMapping;
import java.util.Optional;

/**
 * Whether a result adds up: a paid sale's tenders plus the rounding line equal the receipt total to
 * the cent; the rounding is at most ±2 cents and only where cash was tendered (Lithuanian cash
 * totals round to 5 cents since 2025-05-01; cards do not); every credit number is mapped. Cancelled
 * and failed sales carry no tenders.
 */
public final class ResultCheck {
  static final long MAX_ROUNDING_CENTS = 2;

  private ResultCheck() {}

  /** The first problem, or empty when the result is consistent. */
  public static Optional<String> problem(
      RrPayCodec.Result r, long totalCents, CreditMapping credits) {
    boolean paid = r.outcome.equals("paid");
    if (!paid && !r.outcome.equals("cancelled") && !r.outcome.equals("failed")) {
      return Optional.of("unknown outcome '" + r.outcome + "'");
    }
    if (!paid) {
      return r.tenders.isEmpty() ? Optional.empty() : Optional.of(r.outcome + " sale with tenders");
    }
    if (r.tenders.isEmpty()) {
      return Optional.of("paid sale without tenders");
    }
    long sum = 0;
    boolean cash = false;
    for (long[] t : r.tenders) {
      try {
        cash |= credits.tender((int) t[0]).isCash();
      } catch (InvalidRequestException e) {
        return Optional.of("credit number " + t[0] + " is not mapped to an ERP tender");
      }
      if (t[1] <= 0) {
        return Optional.of("credit " + t[0] + " has a non-positive amount " + t[1]);
      }
      sum += t[1];
    }
    if (Math.abs(r.roundingCents) > MAX_ROUNDING_CENTS) {
      return Optional.of("rounding " + r.roundingCents + " exceeds ±" + MAX_ROUNDING_CENTS);
    }
    if (r.roundingCents != 0 && !cash) {
      return Optional.of("rounding " + r.roundingCents + " without a cash tender");
    }
    if (sum + r.roundingCents != totalCents) {
      return Optional.of(
          "tenders " + sum + " + rounding " + r.roundingCents + " != receipt total " + totalCents);
    }
    return Optional.empty();
  }
}
