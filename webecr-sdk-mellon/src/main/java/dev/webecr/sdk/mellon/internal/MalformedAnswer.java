package dev.webecr.sdk.mellon.internal;

/** An answer that is not the JSON the contract promises; mapped to our errors by the caller. */
final class MalformedAnswer extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedAnswer(String message) {
    super(message, null, false, false);
  }
}
