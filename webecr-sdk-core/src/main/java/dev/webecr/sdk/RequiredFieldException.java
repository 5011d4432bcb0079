package dev.webecr.sdk;

import java.util.Arrays;

/**
 * A value was built without a field it requires, or given null for one: an {@link
 * InvalidRequestException} naming the field (the first, when several are missing). Thrown by every
 * builder of the SDK's values ({@code PaymentRequest.builder()...build()}, {@code
 * MellonConfig.builder()}, ...) instead of a bare {@code IllegalStateException} or {@code
 * NullPointerException}.
 */
public final class RequiredFieldException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  /** {@code field} was given null. */
  public RequiredFieldException(String field) {
    super(field, "must be set (null given)");
  }

  /** A value was built without {@code fields}. */
  public RequiredFieldException(String... fields) {
    super(
        fields.length == 0 ? "?" : fields[0],
        fields.length <= 1
            ? "is required"
            : "is required (missing: " + String.join(", ", Arrays.asList(fields)) + ")");
  }
}
