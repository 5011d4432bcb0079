package dev.webecr.sdk.testkit;

/**
 * One fake POS terminal: its ids, its behaviour profile and its batch. Thread-safe; the fakes keep
 * one per seeded terminal.
 */
public final class FakeTerminal {
  private final String tid;
  private final String callId;
  private final String label;
  private volatile TerminalProfile profile;
  private final int batchLimit;
  private int approvedInBatch;
  private int batchNumber = 1;

  /** A terminal; {@code batchLimit} approved payments fill its batch. */
  public FakeTerminal(
      String tid, String callId, String label, TerminalProfile profile, int batchLimit) {
    this.tid = tid;
    this.callId = callId;
    this.label = label;
    this.profile = profile;
    this.batchLimit = batchLimit;
  }

  /** The TID. */
  public String tid() {
    return tid;
  }

  /** The provider's id for the device. */
  public String callId() {
    return callId;
  }

  /** The friendly name. */
  public String label() {
    return label;
  }

  /** The terminal's own profile. */
  public TerminalProfile profile() {
    return profile;
  }

  /** Gives the terminal another profile, for the payments that start from now on. */
  public void profile(TerminalProfile profile) {
    this.profile = java.util.Objects.requireNonNull(profile, "profile == null");
  }

  /** Approved payments in the current batch. */
  public synchronized int batchCount() {
    return approvedInBatch;
  }

  /** The approved payments that fill the batch ({@link Integer#MAX_VALUE}: never full). */
  public int batchLimit() {
    return batchLimit;
  }

  /**
   * Closes the batch on the device: MAX_TRANSACTIONS stops, its payments can no longer be voided.
   */
  public synchronized void closeBatch() {
    approvedInBatch = 0;
    batchNumber++;
  }

  /** The open batch's number: 1, then one more at each close. */
  public synchronized int batchNumber() {
    return batchNumber;
  }

  synchronized boolean batchFull() {
    return approvedInBatch >= batchLimit;
  }

  synchronized void countApproved() {
    approvedInBatch++;
  }

  /** Counts {@code delta} approvals more (or fewer, when a person's key undid one). */
  synchronized void countApproved(int delta) {
    approvedInBatch = Math.max(0, approvedInBatch + delta);
  }
}
