package dev.webecr.sdk.rrpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CreditMappingTest {
  private static final CreditMapping MAPPING =
      CreditMapping.builder().mapCash(1, "CASH", "Cash").map(2, "CARD", "Bank card").build();

  @Test
  void aTenderIsFoundByNumberAndByCodeAndKnowsWhetherItIsCash() {
    assertThat(MAPPING.tender(2).code()).isEqualTo("CARD");
    assertThat(MAPPING.creditNumber("CARD")).contains(2);
    assertThat(MAPPING.tender(2).isCash()).isFalse();
    assertThat(MAPPING.tender(1).isCash()).isTrue();
  }

  @Test
  void noMappingIsAssumed() {
    assertThatThrownBy(
            () ->
                RrPayConfig.builder()
                    .exchangeRoot(java.nio.file.Path.of("x"))
                    .posIds(java.util.List.of("POS1"))
                    .build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("creditMapping"));
  }

  @Test
  void anUnmappedNumberIsAnErrorNamingIt() {
    assertThatThrownBy(() -> MAPPING.tender(7))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("creditNumber"))
        .hasMessageContaining("7");
  }

  @Test
  void aNumberOrATenderMappedTwiceIsRejected() {
    assertThatThrownBy(() -> CreditMapping.builder().map(1, "CASH", "a").map(1, "CARD", "b"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("1 is mapped twice");
    assertThatThrownBy(() -> CreditMapping.builder().map(1, "CASH", "a").map(3, "CASH", "b"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("CASH");
    assertThatThrownBy(() -> CreditMapping.builder().build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("creditMapping");
  }
}
