package dev.webecr.sdk.mellon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.Terminal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every reader of WebECR answers fed random, mutated and hostile JSON: parsing and mapping end in a
 * value or in our {@link MalformedAnswer} (which the provider turns into a public error), never
 * another exception. Cases per property: {@code jqwik.tries.default} (a few thousand in CI, a
 * million with {@code -Pfuzz}).
 */
class MellonDecoderFuzzTest {
  private static final Terminal TERMINAL =
      Terminal.builder()
          .providerId("mellon")
          .tid("64999964")
          .callId("358046")
          .apiKey(ApiKey.of("k"))
          .build();
  private static final String INTENT =
      "{\"Id\":77,\"Status\":3,\"Result\":1,\"Terminal\":358046,"
          + "\"Transaction\":9001,\"TransactionId\":\"075121702285176315144\",\"TxnType\":0,"
          + "\"Amount\":2480,\"CurrencyCode\":978,\"CustomerReference\":\"INV-1-A1\","
          + "\"Timestamp\":\"2026-11-22T10:00:00Z\"}";
  private static final String TRANSACTION =
      "{\"Id\":9001,\"RRN\":\"012345678901\","
          + "\"AuthCode\":\"0A1B2C\",\"Approved\":true,\"Voided\":false,"
          + "\"Timestamp\":\"2026-11-22T10:00:42Z\",\"CustomerReference\":\"INV-1-A1\"}";
  private static final List<String> KEYS =
      List.of(
          "Id",
          "id",
          "Status",
          "Result",
          "Terminal",
          "Transaction",
          "TransactionId",
          "TxnType",
          "Amount",
          "CurrencyCode",
          "CustomerReference",
          "Timestamp",
          "Approved",
          "Voided",
          "RRN",
          "TerminalID",
          "next",
          "results",
          "count",
          "access",
          "refresh",
          "detail",
          "OriginalIdentifier");

  @Property
  void anyTextParsesOrIsMalformed(@ForAll("texts") String body) {
    decodeEverything(body);
  }

  @Property
  void aMutatedAnswerDecodesOrIsMalformed(@ForAll("mutatedAnswers") String body) {
    decodeEverything(body);
  }

  @Property
  void hostileValuesInKnownFieldsDecodeOrAreMalformed(@ForAll("hostileObjects") String body) {
    decodeEverything(body);
  }

  private static void decodeEverything(String body) {
    Throwable thrown =
        catchThrowable(
            () -> {
              WireJson json = WireJson.parse(body);
              Answer answer = new Answer(json, body);
              tryEach(() -> MellonMapper.intent(answer, Optional.empty(), TERMINAL, "R-A1"));
              tryEach(
                  () ->
                      MellonMapper.intent(
                          new Answer(WireJson.parse(INTENT), INTENT),
                          Optional.of(answer),
                          TERMINAL,
                          "R-A1"));
              tryEach(() -> PairingAnswers.terminal(json, ApiKey.of("k")));
              tryEach(() -> PairingAnswers.apiKeyOf(json));
              tryEach(() -> MellonMapper.recordIntent(json, TERMINAL));
              tryEach(
                  () ->
                      MellonMapper.results(json)
                          .forEach(i -> MellonMapper.onTerminal(i, TERMINAL)));
              tryEach(() -> MellonMapper.next(json));
              tryEach(() -> MellonMapper.transactionRecord(json));
              tryEach(() -> MellonMapper.created(json));
              tryEach(() -> json.firstError());
              tryEach(() -> WireJson.parse(json.toJson()));
            });
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(MalformedAnswer.class);
    }
  }

  /** Runs one reader; only a MalformedAnswer may end it. */
  private static void tryEach(Runnable reader) {
    try {
      reader.run();
    } catch (MalformedAnswer expected) {
      // a typed refusal: what the provider maps to a public error
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+truefalsn \\u").ofMaxLength(120));
  }

  @Provide
  Arbitrary<String> mutatedAnswers() {
    Arbitrary<String> base =
        Arbitraries.of(
            INTENT, TRANSACTION, "{\"count\":1,\"next\":null,\"results\":[" + INTENT + "]}");
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 400);
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(6);
    return Combinators.combine(base, at, at, text)
        .as(
            (b, i, j, t) -> {
              int from = Math.min(i, b.length());
              int to = Math.min(b.length(), from + (j % 8));
              return b.substring(0, from) + t + b.substring(to);
            });
  }

  @Provide
  Arbitrary<String> hostileObjects() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                "null",
                "true",
                "false",
                "[]",
                "{}",
                "\"\"",
                "\" \"",
                "-1",
                "0",
                "1e999",
                "-9223372036854775809",
                "9223372036854775808",
                "2147483648",
                "1.5",
                "-0.0",
                "\"2026-13-45T99:99:99Z\"",
                "\"not a date\"",
                "[1,2,{}]",
                "{\"Id\":{}}",
                "{\"Id\":9001,\"Approved\":\"yes\"}",
                "\"\\u0000\""),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.strings().ofMaxLength(10).map(s -> WireJsonQuote.quote(s)));
    Arbitrary<Map<String, String>> fields =
        Arbitraries.maps(Arbitraries.of(KEYS), value).ofMaxSize(12);
    return fields.map(
        m ->
            m.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}")));
  }

  /** JSON string quoting for generated text. */
  static final class WireJsonQuote {
    static String quote(String s) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      return b.append('"').toString();
    }
  }
}
