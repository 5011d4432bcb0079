package dev.webecr.sdk;

/**
 * The provider refused the integrator's credentials (wrong username or password, a token that could
 * not be renewed). Fix the configuration; retrying will not help.
 */
public class AuthenticationException extends ProviderRejectedException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public AuthenticationException(String message, int httpStatus) {
    super(message, httpStatus, null, false);
  }
}
