package dev.webecr.sdk.rrpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.InvalidRequestException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RrPayReferenceTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

  @Test
  void aRepeatedReceiptNumberOnAnotherDayOrPosIsAnotherReference() {
    String today = RrPayReference.of("POS1", "000123", DAY);

    assertThat(today)
        .isEqualTo("POS1-000123-20261126")
        .isEqualTo(RrPayReference.of("POS1", "000123", DAY)); // the same receipt: paid once
    assertThat(RrPayReference.of("POS1", "000123", DAY.plusDays(1))).isNotEqualTo(today);
    assertThat(RrPayReference.of("POS2", "000123", DAY)).isNotEqualTo(today);
  }

  @Test
  void aUniqueReferenceAddsARandomPartWithinTheCharset() {
    String a = RrPayReference.unique("POS1", "000123", DAY);
    java.util.Set<String> more = new java.util.HashSet<>();
    for (int i = 0; i < 5; i++) {
      more.add(RrPayReference.unique("POS1", "000123", DAY));
    }

    assertThat(a).matches("POS1-000123-20261126-[a-z0-9]{4}");
    assertThat(more).hasSizeGreaterThan(1); // random: five alike is a 1 in 10^24 chance
    assertThat(a.length() + 5).isLessThanOrEqualTo(64); // with the SDK's attempt suffix
  }

  @Test
  void partsOutsideTheCharsetOrTooLongAreRefusedNamingTheField() {
    assertThatThrownBy(() -> RrPayReference.of("POS 1", "1", DAY))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("posId"));
    assertThatThrownBy(() -> RrPayReference.of("POS1", "12-3", DAY))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("receiptNumber"));
    assertThatThrownBy(() -> RrPayReference.of("POS1", "9".repeat(60), DAY))
        .hasMessageContaining("longer than 59");
  }
}
