package dev.webecr.sdk;

/**
 * The intent journal could not be read or written. A payment whose journal write failed is never
 * sent.
 */
public class JournalException extends PosException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
