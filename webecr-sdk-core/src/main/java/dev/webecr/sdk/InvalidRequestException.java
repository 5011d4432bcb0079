package dev.webecr.sdk;

/**
 * A request, value or configuration was rejected by the SDK before anything was sent.
 *
 * <p>{@link #field()} names the offending field (for example {@code "amount"} or {@code
 * "signature.input.tid"}), so an ERP can point its user at it. Nothing was charged.
 */
public class InvalidRequestException extends PosException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** Creates the error for {@code field}; the message must not contain secrets. */
  public InvalidRequestException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The name of the rejected field, as a dotted path from the request. */
  public final String field() {
    return field;
  }
}
