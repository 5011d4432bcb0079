package dev.webecr.sdk.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AttemptReferenceTest {
  @Test
  void attemptsRoundTripEvenWhenTheReferenceHasDashes() {
    String ref = AttemptReference.format("INV-2026-000123", 12);

    assertThat(ref).isEqualTo("INV-2026-000123-A12");
    assertThat(AttemptReference.parse(ref).reference()).isEqualTo("INV-2026-000123");
    assertThat(AttemptReference.parse(ref).attempt()).isEqualTo(12);
    assertThat(ref.length()).isLessThanOrEqualTo(15 + AttemptReference.MAX_SUFFIX_LENGTH);
  }

  @Test
  void referencesNotMadeHereAreTheirOwnReferenceWithAttemptZero() {
    assertThat(AttemptReference.parse("POS-MANUAL-7").attempt()).isZero();
    assertThat(AttemptReference.parse("POS-MANUAL-7").reference()).isEqualTo("POS-MANUAL-7");
    assertThat(AttemptReference.parse("X-A0").attempt()).isZero();
  }

  /** The rule as a regular expression (how it was first written), against the parser by hand. */
  private static final Pattern RULE = Pattern.compile("^(.+)-A([1-9][0-9]{0,2})$", Pattern.DOTALL);

  @Property(tries = 3000)
  void theHandWrittenParserFollowsTheRule(@ForAll("references") String providerReference) {
    Matcher m = RULE.matcher(providerReference);
    AttemptReference parsed = AttemptReference.parse(providerReference);

    assertThat(parsed.reference()).isEqualTo(m.matches() ? m.group(1) : providerReference);
    assertThat(parsed.attempt()).isEqualTo(m.matches() ? Integer.parseInt(m.group(2)) : 0);
  }

  @Provide
  Arbitrary<String> references() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "-", "A", "-A", "0", "1", "9", "12", "999", "1000", "x", "INV", "\n", "é", "");
    return pieces.list().ofMaxSize(8).map(l -> String.join("", l));
  }
}
