package dev.webecr.sdk;

/** Field checks shared by the value types; each failure names the field. */
final class Checks {
  private Checks() {}

  static String notBlank(String field, String value) {
    if (value.isBlank()) {
      throw new InvalidRequestException(field, "must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidRequestException(field, "must not contain control characters");
      }
    }
    return value;
  }

  static void maxLength(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidRequestException(
          field, "at most " + max + " characters, was " + value.length());
    }
  }

  /** A redeem code as shown on the terminal: exactly {@code length} digits, trimmed. */
  static String redeemCode(String redeemCode, int length) {
    java.util.Objects.requireNonNull(redeemCode, "redeemCode == null");
    String code = redeemCode.trim();
    if (code.length() != length || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidRequestException(
          "redeemCode", "must be exactly " + length + " digits, as shown on the terminal");
    }
    return code;
  }
}
