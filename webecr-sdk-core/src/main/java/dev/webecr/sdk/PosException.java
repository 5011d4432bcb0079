package dev.webecr.sdk;

/**
 * The root of every error the SDK raises. Unchecked.
 *
 * <p>Client-side failures ({@link ConnectionException}, {@link OutcomeUnknownException},
 * {@link TerminalInUseException}, {@link JournalException}, {@link InvalidRequestException})
 * are split from failures the provider reported ({@link ProviderRejectedException},
 * {@link AuthenticationException}). A declined card is never an exception: it is an
 * {@link IntentResult}. Messages never contain secrets nor raw provider bodies.
 */
public class PosException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** For subclasses. */
  protected PosException(String message) {
    super(message);
  }

  /** For subclasses. */
  protected PosException(String message, Throwable cause) {
    super(message, cause);
  }
}
