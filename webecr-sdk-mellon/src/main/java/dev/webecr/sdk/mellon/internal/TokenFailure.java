package dev.webecr.sdk.mellon.internal;

import java.io.IOException;

/**
 * The token could not be had for a call (the token endpoint refused, failed or answered nonsense):
 * carried through OkHttp, which lets interceptors and authenticators throw only {@link
 * IOException}, to {@link WebEcrCallAdapterFactory}, which throws the token call's own error. The
 * call it was for was not sent (or only got a 401, which WebECR never processes).
 */
final class TokenFailure extends IOException {
  private static final long serialVersionUID = 1L;

  TokenFailure(RuntimeException cause) {
    super(cause.getMessage(), cause);
  }

  /** The token call's own error. */
  RuntimeException error() {
    return (RuntimeException) getCause();
  }
}
