package dev.webecr.sdk.testkit;

import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.spi.SigningRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PaymentSigner} for tests: well-formed signed inputs (24 % VAT, the document total equal
 * to the payment, Greek local time) with a fake signature, and a record of every outcome it was
 * told. Not an e-invoicing provider: the signature is not ECDSA.
 */
public final class TestSigner implements PaymentSigner {
  /** The provider id it signs as at the acquirer network (WebECR's {@code ProviderId}). */
  public static final String PROVIDER_ID = "999";

  /** Its own AADE id, myDATA's {@code SigningAuthor}: deliberately not {@link #PROVIDER_ID}. */
  public static final String SIGNING_AUTHOR = "800999999";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Europe/Athens"));

  private final Clock clock;
  private final Map<String, SignatureOutcome> outcomes = new ConcurrentHashMap<>();
  private final Map<String, String> documents = new ConcurrentHashMap<>();

  /** A signer dating its signatures by {@code clock}. */
  public TestSigner(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ProviderSignature sign(SigningRequest r) {
    long total = r.amount().minorUnits();
    long net = Math.round(total / 1.24);
    String uid = documents.getOrDefault(r.reference(), r.reference());
    String input =
        sha1(uid)
            + ";;"
            + TIMESTAMP.format(clock.instant())
            + ";"
            + total
            + ";"
            + net
            + ";"
            + (total - net)
            + ";"
            + total
            + ";"
            + r.terminalTid();
    String signature =
        Base64.getEncoder()
            .encodeToString(
                ("fake-signature:" + r.providerReference()).getBytes(StandardCharsets.UTF_8));
    return ProviderSignature.of(input, signature, PROVIDER_ID, SIGNING_AUTHOR);
  }

  /**
   * Signs payments of {@code reference} as if for the document with this myDATA UID from now on
   * (default: the reference itself is the UID): for testing a reference reused for another
   * document.
   */
  public TestSigner document(String reference, String uid) {
    documents.put(reference, uid);
    return this;
  }

  @Override
  public void onOutcome(SigningRequest r, SignatureOutcome outcome) {
    outcomes.put(r.providerReference(), outcome);
  }

  /** What it was told of each attempt, by provider reference. */
  public Map<String, SignatureOutcome> outcomes() {
    return Map.copyOf(outcomes);
  }

  private static final String HEX = "0123456789ABCDEF";

  private static String sha1(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(2 * d.length);
      for (byte b : d) {
        hex.append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
