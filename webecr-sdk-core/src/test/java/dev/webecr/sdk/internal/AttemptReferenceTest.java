package dev.webecr.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
}
