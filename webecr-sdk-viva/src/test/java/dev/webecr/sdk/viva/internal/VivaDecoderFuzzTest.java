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

  @Provide
  Arbitrary<String> answers() {
    Arbitrary<String> mutated =
        Arbitraries.integers()
            .between(0, SESSION.length() - 1)
            .flatMap(
                cut ->
                    Arbitraries.strings()
                        .ofMaxLength(6)
                        .map(s -> SESSION.substring(0, cut) + s + SESSION.substring(cut)));
    return Arbitraries.oneOf(
        mutated,
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.of(
            "",
            "[]",
            "{}",
            "null",
            "[1,2]",
            "{\"success\":\"maybe\"}",
            "<html>",
            "{\"amount\":-5,\"success\":true}",
            "{\"amount\":1.5,\"tipAmount\":-1,\"success\":true}",
            "{\"amount\":99999999999999999999999,\"success\":false}",
            "{\"sessionId\":{},\"terminalId\":[],\"success\":true}",
            "[{\"terminalId\":{}},{}]",
            "{\"transactionDateTime\":\"yesterday\",\"success\":true}"));
  }

  @Property(tries = 400)
  void onlyTypedErrorsComeOut(@ForAll("answers") String body) {
    tryEach(() -> VivaSessions.session(body, TERMINAL, ATTEMPT));
    tryEach(() -> VivaSessions.terminals(body, Optional.empty()));
    tryEach(() -> VivaJson.list(body).forEach(VivaJson::toJson));
    tryEach(() -> new VivaAnswer(404, body).detail());
    tryEach(() -> new VivaAnswer(500, body).successful("GET"));
    tryEach(() -> WebhookEvent.parse(body));
    tryEach(() -> WebhookEvent.parse("{\"EventTypeId\":1802,\"EventData\":" + body + "}"));
  }

  @Property(tries = 50)
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
