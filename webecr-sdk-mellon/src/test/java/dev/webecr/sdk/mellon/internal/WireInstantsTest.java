package dev.webecr.sdk.mellon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-read time fields agree with {@code java.time}'s ISO parsers on every text: the instants
 * WebECR writes, with any fraction, with and without {@code Z}, and broken ones.
 */
class WireInstantsTest {

  @Property
  void readsWhatTheIsoParsersRead(@ForAll("times") String text) {
    assertThat(WireInstants.parse(text)).isEqualTo(byFormatter(text));
  }

  @Provide
  Arbitrary<String> times() {
    Arbitrary<String> written =
        Arbitraries.longs()
            .between(0, 253_402_300_799L)
            .flatMap(
                s ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(s, nanos).toString()));
    Arbitrary<String> withoutZone = written.map(t -> t.substring(0, t.length() - 1));
    Arbitrary<String> withOffset = written.map(t -> t.replace("Z", "+02:00"));
    Arbitrary<String> mangled =
        Arbitraries.oneOf(written, withoutZone)
            .flatMap(
                t ->
                    Arbitraries.integers()
                        .between(0, t.length() - 1)
                        .flatMap(
                            at ->
                                Arbitraries.of('0', '9', '3', '.', 'Z', ':', '-', 'x', ' ')
                                    .map(c -> t.substring(0, at) + c + t.substring(at + 1))));
    Arbitrary<String> cut =
        written.flatMap(t -> Arbitraries.integers().between(0, t.length()).map(t::substring));
    Arbitrary<String> edges =
        Arbitraries.of(
            "2026-02-29T10:00:00Z",
            "2024-02-29T10:00:00Z",
            "2026-04-31T10:00:00",
            "2026-11-22T24:00:00Z",
            "2026-11-22T10:00:60Z",
            "2026-11-22T10:00:00.Z",
            "2026-11-22T10:00:00.1234567891Z",
            "+2026-11-22T10:00:00Z",
            "");
    return Arbitraries.oneOf(written, withoutZone, withOffset, mangled, cut, edges);
  }

  private static Optional<Instant> byFormatter(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
