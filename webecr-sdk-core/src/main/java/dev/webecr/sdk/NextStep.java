package dev.webecr.sdk;

/** What the ERP should do after a payment ended the way it did. */
public enum NextStep {
  /** Nothing: the outcome is final (approved, declined, cancelled or failed). */
  NONE,
  /** Nothing was charged: the terminal was busy. Try again later, as a new attempt. */
  RETRY_LATER,
  /** Nothing was charged: the terminal's batch is full. The merchant closes it, then retry. */
  CLOSE_BATCH_THEN_RETRY,
  /**
   * The outcome is in doubt: do not charge again by other means; {@link PosClient#recover()} or
   * {@link PosClient#refresh} finds out.
   */
  RECOVER
}
