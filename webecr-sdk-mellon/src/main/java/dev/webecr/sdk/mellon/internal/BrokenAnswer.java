package dev.webecr.sdk.mellon.internal;

import java.io.IOException;

/** An answer whose status arrived but whose body broke off while it was read. */
final class BrokenAnswer extends IOException {
  private static final long serialVersionUID = 1L;

  BrokenAnswer(IOException cause) {
    super(cause.getClass().getSimpleName(), cause);
  }
}
