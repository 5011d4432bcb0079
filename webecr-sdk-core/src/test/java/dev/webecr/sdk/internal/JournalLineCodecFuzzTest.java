package dev.webecr.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The journal line decoder fed random and mutated lines: it answers an entry or "torn" (empty),
 * never throws; and every entry survives a round trip. Cases per property: {@code
 * jqwik.tries.default} (a few thousand in CI, a million with {@code -Pfuzz}).
 */
class JournalLineCodecFuzzTest {

  @Property
  void anyLineDecodesOrIsTornNeverThrows(@ForAll("lines") String line) {
    Optional<JournalEntry> decoded = JournalLineCodec.decode(line);
    decoded.ifPresent(
        e -> assertThat(JournalLineCodec.decode(JournalLineCodec.encode(e))).contains(e));
  }

  @Property
  void aMutatedLineWithAFreshChecksumDecodesOrIsTornNeverThrows(
      @ForAll("entries") JournalEntry entry, @ForAll("mutations") Mutation mutation) {
    String line = JournalLineCodec.encode(entry);
    String body = mutation.apply(line.substring(0, line.lastIndexOf('|')));
    String mutated = body + "|" + crc(body);

    Optional<JournalEntry> decoded = JournalLineCodec.decode(mutated);

    decoded.ifPresent(
        e -> assertThat(JournalLineCodec.decode(JournalLineCodec.encode(e))).contains(e));
  }

  @Property
  void everyEntrySurvivesARoundTrip(@ForAll("entries") JournalEntry entry) {
    assertThat(JournalLineCodec.decode(JournalLineCodec.encode(entry))).contains(entry);
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> noise =
        Arbitraries.strings().withChars("|%0123456789abcdefAZ:-.T\n\r").ofMaxLength(200);
    Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> fields =
        Arbitraries.strings()
            .withChars("|%2AZ09-:.")
            .ofMaxLength(12)
            .list()
            .ofMinSize(15)
            .ofMaxSize(26)
            .map(
                f -> {
                  String b = String.join("|", f);
                  return b + "|" + crc(b);
                });
    return Arbitraries.oneOf(noise, anything, fields);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 400);
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(8);
    Arbitrary<Mutation> insert =
        Combinators.combine(at, text)
            .as(
                (i, t) ->
                    s ->
                        s.substring(0, Math.min(i, s.length()))
                            + t
                            + s.substring(Math.min(i, s.length())));
    Arbitrary<Mutation> delete =
        Combinators.combine(at, Arbitraries.integers().between(1, 20))
            .as(
                (i, n) ->
                    s -> {
                      int from = Math.min(i, s.length());
                      return s.substring(0, from) + s.substring(Math.min(s.length(), from + n));
                    });
    Arbitrary<Mutation> replaceField =
        Combinators.combine(Arbitraries.integers().between(0, 25), text)
            .as(
                (i, t) ->
                    s -> {
                      String[] f = s.split("\\|", -1);
                      f[Math.min(i, f.length - 1)] = t;
                      return String.join("|", f);
                    });
    return Arbitraries.oneOf(insert, delete, replaceField);
  }

  @Provide
  Arbitrary<JournalEntry> entries() {
    // Printable text with every character the line format escapes (| and %) and non-ASCII.
    Arbitrary<String> text =
        Arbitraries.strings()
            .withCharRange('!', '~')
            .withChars("é€ |%")
            .ofMinLength(1)
            .ofMaxLength(20)
            .filter(s -> !s.isBlank());
    Arbitrary<Optional<String>> optional = text.optional();
    Arbitrary<Instant> instant =
        Combinators.combine(
                Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
                Arbitraries.oneOf(
                    Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
            .as(Instant::ofEpochSecond);
    Arbitrary<Terminal> terminal =
        Combinators.combine(text, text, optional)
            .as(
                (tid, call, label) ->
                    Terminal.builder()
                        .providerId("mellon")
                        .tid(tid)
                        .callId(call)
                        .label(label)
                        .build());
    Arbitrary<JournalEntry.Builder> base =
        Combinators.combine(
                text.map(r -> AttemptReference.format(r, 1)),
                terminal,
                Arbitraries.of(TransactionType.values()),
                Arbitraries.longs().between(1, 99_999_999L),
                Arbitraries.of(JournalPhase.values()),
                optional,
                instant,
                instant)
            .as(
                (ref, t, kind, cents, phase, intent, created, recorded) ->
                    JournalEntry.builder()
                        .providerReference(ref)
                        .terminal(t)
                        .kind(kind)
                        .amount(Money.euroCents(cents))
                        .phase(phase)
                        .intentId(intent)
                        .createdAt(created)
                        .recordedAt(recorded));
    return Combinators.combine(
            base,
            optional,
            optional,
            optional,
            Arbitraries.integers().between(0, 1000),
            instant.optional(),
            optional,
            optional)
        .as(
            (b, doc, oi, ot, runs, next, who, why) ->
                b.document(doc)
                    .originalIntentId(oi)
                    .originalTransactionId(ot)
                    .recoveryRuns(runs)
                    .nextRecoveryAt(next)
                    .resolvedBy(who)
                    .resolution(why)
                    .statusCode(Optional.of(3))
                    .resultCode(Optional.of(1))
                    .build());
  }

  /** A change to a line's body. */
  interface Mutation {
    String apply(String body);
  }

  private static String crc(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
