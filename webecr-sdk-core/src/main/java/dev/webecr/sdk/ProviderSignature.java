package dev.webecr.sdk;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The e-invoicing provider's signature of one POS payment (Greece, AADE decision A.1155/2023).
 *
 * <p>{@link #input()} is the signed content (the seed's {@code Input}): eight US-ASCII fields
 * separated by {@code ;}: {@code uidHash;mark;timestamp;payable;net;vat;total;tid}, amounts in
 * cents. {@link #signature()} is the provider's ECDSA signature of it, passed through as given.
 * Building one checks the input's form; {@link PosClient} also checks that its TID and payable
 * amount match the payment before anything is sent.
 *
 * <pre>{@code
 * ProviderSignature s = ProviderSignature.of(
 *     "B6A70F9F1CCE52E6C6F7E5C40951F240DE0000CC;;20260202140021;24800;20000;4800;24800;12345678",
 *     "MEUCIQ...", "8");
 * }</pre>
 *
 * <p>The signature never appears in {@code toString()}.
 */
@Value.Immutable
public abstract class ProviderSignature {
  private static final Pattern UID_HASH = Pattern.compile("[0-9A-F]{40}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  ProviderSignature() {}

  /** The signed content, {@code uidHash;mark;timestamp;payable;net;vat;total;tid}. */
  public abstract String input();

  /** The signature of {@link #input()}, usually Base64 of DER. Secret: redacted everywhere. */
  @Value.Redacted
  public abstract String signature();

  /**
   * The e-invoicing provider's id at the acquirer network, sent to WebECR as {@code ProviderId}
   * (one provider is 8 on Mellon and 108 on another network). Not myDATA's SigningAuthor.
   */
  public abstract String providerId();

  /**
   * myDATA's {@code SigningAuthor}: the e-invoicing provider's own AADE id, as it returns it with
   * the signature (at most 20 characters). Kept apart from {@link #providerId()}.
   */
  public abstract Optional<String> signingAuthor();

  /** Creates and checks a signature. */
  public static ProviderSignature of(String input, String signature, String providerId) {
    return builder().input(input).signature(signature).providerId(providerId).build();
  }

  /** Creates and checks a signature with its myDATA signing author. */
  public static ProviderSignature of(
      String input, String signature, String providerId, String signingAuthor) {
    return builder()
        .input(input)
        .signature(signature)
        .providerId(providerId)
        .signingAuthor(signingAuthor)
        .build();
  }

  /** SHA-1 of the invoice's myDATA UID, 40 upper-case hex digits. */
  public String uidHash() {
    return field(0);
  }

  /** The invoice's MARK; empty when paying at issue. */
  public Optional<String> mark() {
    return field(1).isEmpty() ? Optional.empty() : Optional.of(field(1));
  }

  /** When it was signed, in Greek local time. */
  public LocalDateTime timestamp() {
    return LocalDateTime.parse(timestampText(), TIMESTAMP);
  }

  /** {@link #timestamp()} as signed: fourteen digits, {@code uuuuMMddHHmmss}. */
  public String timestampText() {
    return field(2);
  }

  /** The amount this payment pays, in cents. */
  public long payableCents() {
    return Long.parseLong(field(3));
  }

  /** The document's net amount, in cents. */
  public long netCents() {
    return Long.parseLong(field(4));
  }

  /** The document's VAT amount, in cents. */
  public long vatCents() {
    return Long.parseLong(field(5));
  }

  /** The document's total, in cents. */
  public long totalCents() {
    return Long.parseLong(field(6));
  }

  /** The TID of the terminal this payment must run on. */
  public String tid() {
    return field(7);
  }

  private String field(int index) {
    return fields().get(index);
  }

  /** The input's fields, split once: a payment reads all eight (its checks, the create's body). */
  @Value.Lazy
  List<String> fields() {
    return List.of(input().split(";", -1));
  }

  @Value.Check
  void check() {
    Checks.notBlank("signature.signature", signature());
    Checks.notBlank("signature.providerId", providerId());
    signingAuthor()
        .ifPresent(
            a -> {
              Checks.notBlank("signature.signingAuthor", a);
              Checks.maxLength("signature.signingAuthor", a, 20);
            });
    String[] f = input().split(";", -1);
    if (f.length != 8) {
      throw new InvalidRequestException(
          "signature.input", "must have 8 fields separated by ';', had " + f.length);
    }
    if (!input().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new InvalidRequestException("signature.input", "must be printable US-ASCII");
    }
    if (!UID_HASH.matcher(f[0]).matches()) {
      throw new InvalidRequestException(
          "signature.input.uidHash", "must be 40 upper-case hex digits (SHA-1 of the invoice UID)");
    }
    if (!f[1].isEmpty() && !DIGITS.matcher(f[1]).matches()) {
      throw new InvalidRequestException("signature.input.mark", "must be digits or empty");
    }
    try {
      LocalDateTime.parse(f[2], TIMESTAMP);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "signature.input.timestamp", "must be YYYYMMDDhhmmss, was '" + f[2] + "'");
    }
    String[] names = {"payable", "net", "vat", "total"};
    for (int i = 0; i < names.length; i++) {
      if (!DIGITS.matcher(f[3 + i]).matches() || f[3 + i].length() > 15) {
        throw new InvalidRequestException(
            "signature.input." + names[i],
            "must be a whole number of cents, was '" + f[3 + i] + "'");
      }
    }
    if (netCents() + vatCents() != totalCents()) {
      throw new InvalidRequestException(
          "signature.input.total",
          "net " + netCents() + " + vat " + vatCents() + " != total " + totalCents());
    }
    if (f[7].isEmpty()) {
      throw new InvalidRequestException("signature.input.tid", "must not be empty");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProviderSignature}. */
  public static final class Builder extends ImmutableProviderSignature.Builder {
    Builder() {}
  }
}
