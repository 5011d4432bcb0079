package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.Money;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** ISO 4217 numeric codes, as WebECR's {@code CurrencyCode} carries them, both ways. */
final class NumericCurrencies {
  /** Built once: every mapped intent needs one. */
  private static final Map<Integer, Currency> BY_NUMERIC_CODE = byNumericCode();

  private NumericCurrencies() {}

  /** The currency of a code; none is EUR; an unknown code is a {@link MalformedAnswer}. */
  static Currency of(Optional<Integer> numeric) {
    if (numeric.isEmpty()) {
      return Money.EUR;
    }
    Currency c = BY_NUMERIC_CODE.get(numeric.get());
    if (c == null) {
      throw new MalformedAnswer("unknown CurrencyCode " + numeric.get());
    }
    return c;
  }

  static int code(Currency currency) {
    return currency.getNumericCode();
  }

  private static Map<Integer, Currency> byNumericCode() {
    Map<Integer, Currency> m = new HashMap<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      m.putIfAbsent(c.getNumericCode(), c); // a few codes are shared: EUR's 978 is not
    }
    m.put(Money.EUR.getNumericCode(), Money.EUR);
    return Collections.unmodifiableMap(m);
  }
}
