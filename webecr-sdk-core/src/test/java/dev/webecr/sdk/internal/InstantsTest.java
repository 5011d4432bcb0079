package dev.webecr.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The journal's hand-written instant parsers agree with {@link Instant#parse}. */
class InstantsTest {
  @Property(tries = 3000)
  void everyInstantTheJournalWritesReadsBackExactly(@ForAll("instants") Instant instant) {
    String text = instant.toString();
    byte[] bytes = ("|" + text + "|").getBytes(StandardCharsets.US_ASCII);

    assertThat(Instants.parse(text)).isEqualTo(instant);
    assertThat(Instants.epochMilli(bytes, 1, bytes.length - 1)).isEqualTo(instant.toEpochMilli());
  }

  @Property(tries = 3000)
  void textThatIsNoInstantIsRefusedNeverMisread(@ForAll("mangled") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    Long expected;
    try {
      expected = Instant.parse(text).toEpochMilli();
    } catch (DateTimeException | ArithmeticException e) {
      expected = Long.MIN_VALUE;
    }

    assertThat(Instants.epochMilli(bytes, 0, bytes.length)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(-62_135_596_800L, 253_402_300_799L)
        .flatMap(
            s ->
                Arbitraries.of(0, 1_000_000, 123_456_789, 500_000, 7)
                    .map(n -> Instant.ofEpochSecond(s, n)));
  }

  @Provide
  Arbitrary<String> mangled() {
    return Arbitraries.of(
            "2026-11-22T10:00:00Z", "2026-11-22T10:00:00.123Z", "2026-11-22T10:00:00.123456789Z")
        .flatMap(
            s ->
                Arbitraries.integers()
                    .between(0, s.length() - 1)
                    .flatMap(
                        i ->
                            Arbitraries.chars()
                                .with('0', '9', 'x', '-', ':', 'T', 'Z', '.', ' ', '5')
                                .map(c -> s.substring(0, i) + c + s.substring(i + 1))));
  }
}
