package dev.webecr.sdk.rrpay.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * RRPay's result files are outside input: whatever they hold, reading one ends in a result or a
 * {@link RrPayCodec.BadFile}, never another exception (a {@code ClassCastException} once left a
 * file in the inbox and blocked every later sale of its POS). Cases per property: {@code
 * jqwik.tries.default} (3,000 in CI; 350,000 with {@code -Pfuzz}, 1,050,000 over the three).
 */
class RrPayCodecFuzzTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final String VALID =
      "{\"version\":1,\"id\":\"K-1-A1\",\"outcome\":\"paid\","
          + "\"receipt\":{\"number\":\"000123\",\"register\":\"LT-REG-7\","
          + "\"dateTime\":\"2026-11-26T10:15:00\"},\"tenders\":[{\"credit\":2,\"amount\":2480,"
          + "\"card\":{\"maskedPan\":\"444433******1111\",\"authCode\":\"A1B2C3\","
          + "\"terminalId\":\"T1\"}}],\"rounding\":0}";

  @Property
  void mutatedResultFilesGiveAResultOrABadFile(@ForAll("mutated") String text) {
    assertThatCode(() -> read(text)).doesNotThrowAnyException();
  }

  @Property
  void resultsWithFieldsOfAnyTypeGiveAResultOrABadFile(@ForAll("shapes") String text) {
    assertThatCode(() -> read(text)).doesNotThrowAnyException();
  }

  @Property
  void anyTextAtAllGivesAResultOrABadFile(@ForAll String text) {
    assertThatCode(() -> read(text)).doesNotThrowAnyException();
  }

  private static void read(String text) {
    try {
      new RrPayCodec.Result(RrPayCodec.parse(text));
    } catch (RrPayCodec.BadFile expected) {
      // the typed error: the inbox rejects the file with this reason
    }
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length() - 1);
    Arbitrary<String> piece =
        Arbitraries.of(
            "",
            "1",
            "-1",
            "\"",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "null",
            "true",
            "1e400",
            "\"x\"",
            "{}",
            "[]",
            "\\u0000",
            "9999999999999999999");
    return Arbitraries.integers()
        .between(1, 4)
        .flatMap(
            n ->
                at.list()
                    .ofSize(n)
                    .flatMap(
                        positions ->
                            piece
                                .list()
                                .ofSize(n)
                                .map(
                                    pieces -> {
                                      StringBuilder b = new StringBuilder(VALID);
                                      for (int i = 0; i < n; i++) {
                                        int p = Math.min(positions.get(i), b.length() - 1);
                                        b.replace(
                                            p, Math.min(b.length(), p + 1 + i % 3), pieces.get(i));
                                      }
                                      return b.toString();
                                    })));
  }

  @Provide
  Arbitrary<String> shapes() {
    Arbitrary<Object> value =
        Arbitraries.oneOf(
            Arbitraries.just(null),
            Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(List.of()),
            Arbitraries.just(Map.of()),
            Arbitraries.just(List.of(Map.of("credit", "2", "amount", 1.5))));
    return Arbitraries.maps(
            Arbitraries.of(
                "id",
                "outcome",
                "receipt",
                "tenders",
                "rounding",
                "number",
                "dateTime",
                "credit",
                "amount",
                "card"),
            value)
        .ofMaxSize(6)
        .map(
            m -> {
              Map<String, Object> top = new LinkedHashMap<>(m);
              top.putIfAbsent("id", "K-1-A1");
              top.putIfAbsent("outcome", "paid");
              Map<String, Object> receipt = new LinkedHashMap<>(m);
              top.put("receipt", receipt);
              top.put("tenders", List.of(m, Map.of("credit", 2, "amount", 100, "card", m)));
              return JSON.toJson(top);
            });
  }
}
