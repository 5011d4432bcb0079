package dev.webecr.sdk.viva.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptLookup;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever Viva answers, only our typed errors come out of its decoders. */
class VivaDecoderFuzzTest {
  private static final Terminal TERMINAL =
      Terminal.builder().providerId("viva").tid("16000001").callId("16000001").build();
  private static final AttemptLookup ATTEMPT =
      AttemptLookup.builder()
          .providerReference("INV-1-A1")
          .kind(TransactionType.SALE)
          .sentAfter(Instant.EPOCH)
          .amount(Money.euroCents(1240))
          .build();
  private static final String SESSION =
      "{\"sessionId\":\"INV-1-A1\",\"terminalId\":16000001,\"amount\":1240,\"success\":true,"
          + "\"eventId\":0,\"aadeTransactionId\":116430909552789552789,"
          + "\"retrievalReferenceNumber\":612345000001,\"transactionDateTime\":"
          + "\"2026-11-22T10:00:03+02:00\",\"tipAmount\":0}";

  private static final java.util.List<String> FIELDS =
      java.util.List.of(
          "sessionId",
          "terminalId",
          "amount",
          "success",
          "eventId",
          "aadeTransactionId",
          "retrievalReferenceNumber",
          "transactionDateTime",
          "tipAmount",
          "abortSuccess",
          "detail",
          "Key",
          "EventTypeId",
          "EventData",
          "SessionId",
          "TerminalId",
          "Amount");

  @Provide
  Arbitrary<String> mutated() {
    return Arbitraries.integers()
        .between(0, SESSION.length() - 1)
        .flatMap(
            cut ->
                Arbitraries.strings()
                    .ofMaxLength(6)
                    .map(s -> SESSION.substring(0, cut) + s + SESSION.substring(cut)));
  }

  /** JSON of Viva's field names with values of any type, nested two deep. */
  @Provide
  Arbitrary<String> shapes() {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.strings()
                .ofMaxLength(12)
                .map(x -> "\"" + x.replace("\\", "").replace("\"", "") + "\""),
            Arbitraries.of("true", "false", "null", "{}", "[]", "99999999999999999999999"));
    Arbitrary<String> object =
        Arbitraries.maps(Arbitraries.of(FIELDS), scalar)
            .ofMaxSize(8)
            .map(
                m ->
                    m.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")));
    return Arbitraries.oneOf(
        object,
        object.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
        Arbitraries.maps(Arbitraries.of(FIELDS), object)
            .ofMaxSize(3)
            .map(
                m ->
                    m.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                        .collect(java.util.stream.Collectors.joining(",", "{", "}"))));
  }

  @Property
  void aMutatedSessionGivesOnlyTypedErrors(@ForAll("mutated") String body) {
    decodeAll(body);
  }

  @Property
  void anyTextGivesOnlyTypedErrors(
      @ForAll @net.jqwik.api.constraints.StringLength(max = 80) String body) {
    decodeAll(body);
  }

  @Property
  void anyJsonShapeGivesOnlyTypedErrors(@ForAll("shapes") String body) {
    decodeAll(body);
  }

  /** Every decoder of Viva's answers, webhook events and headers, on one outside text. */
  private static void decodeAll(String body) {
    tryEach(() -> VivaSessions.session(body, TERMINAL, ATTEMPT));
    tryEach(() -> VivaSessions.terminals(body, Optional.empty()));
    tryEach(() -> VivaJson.list(body).forEach(VivaJson::toJson));
    tryEach(() -> VivaJson.object(body).text("Key"));
    tryEach(() -> new VivaAnswer(404, body).detail());
    tryEach(() -> new VivaAnswer(500, body).successful("GET"));
    tryEach(() -> new VivaAnswer(429, "", body));
    tryEach(() -> WebhookEvent.parse(body));
    tryEach(() -> WebhookEvent.parse("{\"EventTypeId\":1802,\"EventData\":" + body + "}"));
  }

  @Property
  void aSessionReadsItsNumbersExactly(@ForAll("digits") String rrn) {
    String body = SESSION.replace("612345000001", rrn);
    assertThat(VivaSessions.session(body, TERMINAL, ATTEMPT).rrn()).contains(rrn);
    assertThat(VivaSessions.session(body, TERMINAL, ATTEMPT).transactionId())
        .contains("116430909552789552789");
  }

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.strings()
        .numeric()
        .ofMinLength(1)
        .ofMaxLength(24)
        .filter(s -> s.charAt(0) != '0');
  }

  private static void tryEach(Runnable decode) {
    try {
      decode.run();
    } catch (UnreadableAnswer | ProviderRejectedException e) {
      // typed: fine
    }
  }
}
