package dev.webecr.sdk.internal;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.spi.PosProvider;

/** The provider's own limits on a payment: its currencies, its largest and smallest amounts. */
final class ProviderLimits {
  private ProviderLimits() {}

  static void check(PaymentRequest r, PosProvider provider) {
    if (!provider.currencies().isEmpty()
        && !provider.currencies().contains(r.amount().currency())) {
      throw new InvalidRequestException(
          "amount",
          "provider '"
              + provider.id()
              + "' takes "
              + provider.currencies()
              + ", not "
              + r.amount().currency());
    }
    long total = r.amount().minorUnits() + r.tip().map(Money::minorUnits).orElse(0L);
    if (total > provider.maxAmountMinorUnits() || total < 0) {
      throw new InvalidRequestException(
          "amount",
          "at most "
              + Money.of(provider.maxAmountMinorUnits(), r.amount().currency())
              + " per payment for provider '"
              + provider.id()
              + "'");
    }
    if (r.amount().minorUnits() < provider.minAmountMinorUnits()) {
      throw new InvalidRequestException(
          "amount",
          "at least "
              + Money.of(provider.minAmountMinorUnits(), r.amount().currency())
              + " per payment for provider '"
              + provider.id()
              + "'");
    }
  }
}
