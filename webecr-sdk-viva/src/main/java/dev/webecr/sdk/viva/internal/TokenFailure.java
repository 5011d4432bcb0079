package dev.webecr.sdk.viva.internal;

import java.io.IOException;

/**
 * The token could not be had for a call: carried through OkHttp (whose interceptors may throw only
 * {@link IOException}) to {@link VivaCalls}, which throws the token call's own error. The call it
 * was for was not sent.
 */
final class TokenFailure extends IOException {
  private static final long serialVersionUID = 1L;

  TokenFailure(RuntimeException cause) {
    super(cause.getMessage(), cause);
  }

  RuntimeException error() {
    return (RuntimeException) getCause();
  }
}
