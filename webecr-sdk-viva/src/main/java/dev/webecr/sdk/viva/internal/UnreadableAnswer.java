package dev.webecr.sdk.viva.internal;

/** An answer that is not what the contract describes; mapped to the SDK's errors by the caller. */
final class UnreadableAnswer extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnreadableAnswer(String message) {
    super(message, null, false, false);
  }
}
