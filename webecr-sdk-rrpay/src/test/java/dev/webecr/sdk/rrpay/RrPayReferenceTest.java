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

    assertThat(today).isEqualTo("POS1-000123-20261126")
        .isEqualTo(RrPayReference.of("POS1", "000123", DAY)); // the same receipt: paid once
    assertThat(RrPayReference.of("POS1", "000123", DAY.plusDays(1))).isNotEqualTo(today);
    assertThat(RrPayReference.of("POS2", "000123", DAY)).isNotEqualTo(today);
  }

  @Test
  void partsOutsideTheCharsetOrTooLongAreRefusedNamingTheField() {
    assertThatThrownBy(() -> RrPayReference.of("POS 1", "1", DAY))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("posId"));
    assertThatThrownBy(() -> RrPayReference.of("POS1", "12-3", DAY))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("receiptNumber"));
    assertThatThrownBy(() -> RrPayReference.of("POS1", "9".repeat(60), DAY))
        .hasMessageContaining("longer than 59");
  }
}
