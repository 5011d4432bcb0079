package dev.webecr.sdk.rrpay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.rrpay.CreditMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultCheckTest {
  private static final CreditMapping CREDITS =
      CreditMapping.builder().mapCash(1, "CASH", "Cash").map(2, "CARD", "Bank card").build();

  private static RrPayCodec.Result result(String json) {
    return new RrPayCodec.Result(RrPayCodec.parse(json));
  }

  private static String paid(String tenders, long rounding) {
    return "{\"version\":1,\"id\":\"X-A1\",\"outcome\":\"paid\",\"tenders\":["
        + tenders
        + "],\"rounding\":"
        + rounding
        + ",\"unknownField\":true}";
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"credit\":2,\"amount\":248}|0|248",
        "{\"credit\":1,\"amount\":250}|-2|248",
        "{\"credit\":1,\"amount\":245}|2|247",
        "{\"credit\":2,\"amount\":100},{\"credit\":1,\"amount\":150}|-2|248",
      })
  void consistentResultsPass(String tenders, long rounding, long total) {
    assertThat(ResultCheck.problem(result(paid(tenders, rounding)), total, CREDITS)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"credit\":2,\"amount\":250}|-2|248|without a cash tender",
        "{\"credit\":1,\"amount\":255}|-7|248|exceeds",
        "{\"credit\":2,\"amount\":200}|0|248|!= receipt total 248",
        "{\"credit\":7,\"amount\":248}|0|248|credit number 7 is not mapped",
        "{\"credit\":2,\"amount\":0},{\"credit\":2,\"amount\":248}|0|248|non-positive",
      })
  void inconsistentResultsAreNamed(String tenders, long rounding, long total, String problem) {
    assertThat(ResultCheck.problem(result(paid(tenders, rounding)), total, CREDITS))
        .get()
        .asString()
        .contains(problem);
  }

  @Test
  void cancelledAndFailedCarryNoTenders() {
    assertThat(ResultCheck.problem(result("{\"id\":\"X\",\"outcome\":\"cancelled\"}"), 1, CREDITS))
        .isEmpty();
    assertThat(
            ResultCheck.problem(
                result(
                    "{\"id\":\"X\",\"outcome\":\"failed\",\"tenders\":"
                        + "[{\"credit\":2,\"amount\":1}]}"),
                1,
                CREDITS))
        .isPresent();
    assertThat(ResultCheck.problem(result("{\"id\":\"X\",\"outcome\":\"maybe\"}"), 1, CREDITS))
        .get()
        .asString()
        .contains("unknown outcome");
  }
}
