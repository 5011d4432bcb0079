package dev.webecr.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * The root of every error the SDK raises. Unchecked.
 *
 * <p>Client-side failures ({@link ConnectionException}, {@link OutcomeUnknownException}, {@link
 * TerminalInUseException}, {@link JournalException}, {@link InvalidRequestException}) are split
 * from failures the provider reported ({@link ProviderRejectedException}, {@link
 * AuthenticationException}). A declined card is never an exception: it is an {@link IntentResult}.
 * Messages never contain secrets nor raw provider bodies.
 *
 * <p>An error that came from a request to the provider carries that request's id ({@link
 * #requestId()}: the provider's own when it sent one, else the one the SDK sent), also quoted at
 * the end of the message, for the ERP to give the provider's support.
 */
public class PosException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private String requestId;

  /** For subclasses. */
  protected PosException(String message) {
    super(message);
  }

  /** For subclasses. */
  protected PosException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The id of the provider request this error came from, if it came from one; an error wrapping
   * another gives the wrapped one's.
   */
  public final Optional<String> requestId() {
    if (requestId != null) {
      return Optional.of(requestId);
    }
    return getCause() instanceof PosException
        ? ((PosException) getCause()).requestId()
        : Optional.empty();
  }

  /**
   * For providers: names the request this error came from. Like {@link #initCause}, it can be set
   * once; a second call is refused with {@link IllegalStateException}.
   *
   * @return this error, to throw
   */
  public final synchronized PosException initRequestId(String requestId) {
    Objects.requireNonNull(requestId, "requestId == null");
    if (this.requestId != null) {
      throw new IllegalStateException("request id already set");
    }
    this.requestId = requestId;
    return this;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return requestId == null ? message : message + " [request " + requestId + "]";
  }
}
