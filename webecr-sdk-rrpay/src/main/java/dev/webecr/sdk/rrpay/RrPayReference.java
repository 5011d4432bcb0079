package dev.webecr.sdk.rrpay;

import dev.webecr.sdk.InvalidRequestException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ERP reference of a GAMA receipt: POS id, GAMA's receipt number and the business day, as in
 * {@code POS1-000123-20261126}. GAMA numbers receipts per POS and may start again (per day, or
 * after a reinstall); the reference is the SDK's idempotency key, so a repeated number alone would
 * be taken for the earlier sale (and a second sale with the same amount answered with the first
 * one's payment). Build every RRPay reference with {@link #of}; the same receipt then always gives
 * the same reference, which is what makes paying it again safe.
 *
 * <p>Where GAMA may start numbering again within one business day on one POS (a reinstall), {@link
 * #unique} adds the contract's random part: store the reference with the receipt before paying, and
 * pay again with the stored one, never a new one.
 */
public final class RrPayReference {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9._]+");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /** RRPay ids are at most 64 characters; the attempt suffix takes up to 5. */
  static final int MAX_LENGTH = 59;

  private static final int RANDOM_PART = 4;
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RrPayReference() {}

  /** The reference of receipt {@code receiptNumber} of POS {@code posId} on {@code day}. */
  public static String of(String posId, String receiptNumber, LocalDate businessDay) {
    Objects.requireNonNull(businessDay, "businessDay == null");
    return withinLength(
        part("posId", posId)
            + "-"
            + part("receiptNumber", receiptNumber)
            + "-"
            + DAY.format(businessDay));
  }

  /**
   * {@link #of} plus a random part of four letters and digits, for a POS whose receipt numbers may
   * repeat within a day. Store it with the receipt before paying: a new one for the same receipt is
   * a new payment.
   */
  public static String unique(String posId, String receiptNumber, LocalDate businessDay) {
    StringBuilder ref = new StringBuilder(of(posId, receiptNumber, businessDay)).append('-');
    for (int i = 0; i < RANDOM_PART; i++) {
      ref.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return withinLength(ref.toString());
  }

  private static String withinLength(String ref) {
    if (ref.length() > MAX_LENGTH) {
      throw new InvalidRequestException(
          "receiptNumber",
          "the reference " + ref + " is longer " + "than " + MAX_LENGTH + " characters");
    }
    return ref;
  }

  private static String part(String field, String value) {
    if (value == null || !PART.matcher(value).matches()) {
      throw new InvalidRequestException(field, "letters, digits, '.' and '_' only, not empty");
    }
    return value;
  }
}
