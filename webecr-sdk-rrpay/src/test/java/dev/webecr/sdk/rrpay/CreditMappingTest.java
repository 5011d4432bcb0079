package dev.webecr.sdk.rrpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CreditMappingTest {
  @Test
  void bankCardIsCreditTwoByDefault() {
    assertThat(CreditMapping.defaults().tender(2).code()).isEqualTo("CARD");
    assertThat(CreditMapping.defaults().creditNumber("CARD")).contains(2);
    assertThat(CreditMapping.defaults().tender(2).isCash()).isFalse();
    assertThat(CreditMapping.defaults().tender(1).isCash()).isTrue();
  }

  @Test
  void anUnmappedNumberIsAnErrorNamingIt() {
    assertThatThrownBy(() -> CreditMapping.defaults().tender(7))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("creditNumber"))
        .hasMessageContaining("7");
  }

  @Test
  void aNumberOrATenderMappedTwiceIsRejected() {
    assertThatThrownBy(() -> CreditMapping.builder().map(1, "CASH", "a").map(1, "CARD", "b"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("1 is mapped twice");
    assertThatThrownBy(() -> CreditMapping.builder().map(1, "CASH", "a").map(3, "CASH", "b"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("CASH");
    assertThatThrownBy(() -> CreditMapping.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
