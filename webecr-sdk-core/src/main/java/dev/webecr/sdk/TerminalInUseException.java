package dev.webecr.sdk;

/**
 * The terminal is already running a card dialogue for this client and the request could not wait
 * for it (see {@link PosClientBuilder#terminalWait}). Nothing was sent.
 */
public class TerminalInUseException extends PosException {
  private static final long serialVersionUID = 1L;

  private final String tid;

  /** Creates the error for the terminal with this TID. */
  public TerminalInUseException(String tid, String message) {
    super(message);
    this.tid = tid;
  }

  /** The TID of the busy terminal. */
  public final String tid() {
    return tid;
  }
}
