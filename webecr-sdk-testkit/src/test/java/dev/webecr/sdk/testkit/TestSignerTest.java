package dev.webecr.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.SigningRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestSignerTest {
  private final TestSigner signer =
      new TestSigner(Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void theInputStartsWithTheUpperCaseSha1OfTheDocumentsUid() {
    ProviderSignature signed = signer.sign(request("abc"));

    // FIPS 180-1's own example: SHA-1("abc")
    assertThat(signed.input())
        .isEqualTo(
            "A9993E364706816ABA3E25717850C26C9CD0D89D;;20261208120000;1240;1000;240;1240;T1");
  }

  @Test
  void aDocumentNamedForAReferenceIsHashedInsteadOfTheReference() {
    signer.document("abc", "");

    // SHA-1 of nothing: leading zero nibbles are kept
    assertThat(signer.sign(request("abc")).input())
        .startsWith("DA39A3EE5E6B4B0D3255BFEF95601890AFD80709;;");
  }

  private static SigningRequest request(String reference) {
    return SigningRequest.builder()
        .reference(reference)
        .providerReference(reference + "-A1")
        .attempt(1)
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(1240))
        .terminalTid("T1")
        .build();
  }
}
