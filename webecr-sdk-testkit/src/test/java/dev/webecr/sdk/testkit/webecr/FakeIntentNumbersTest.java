package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The fake's RRN, STAN and authorisation codes are padded as {@code String.format} pads them. */
class FakeIntentNumbersTest {
  @Property(tries = 500)
  void decimalsArePaddedAsFormatPadsThem(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long n,
      @ForAll @IntRange(min = 1, max = 22) int width) {
    assertThat(FakeIntent.zeroPadded(Long.toString(n), width))
        .isEqualTo(String.format("%0" + width + "d", n));
  }

  @Property(tries = 500)
  void authorisationCodesArePaddedAsFormatPadsThem(
      @ForAll @LongRange(min = 0, max = 0xFFFFFF) long n) {
    assertThat(FakeIntent.zeroPadded(Long.toHexString(n).toUpperCase(java.util.Locale.ROOT), 6))
        .isEqualTo(String.format("%06X", n));
  }
}
