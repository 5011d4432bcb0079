package dev.webecr.sdk;

/**
 * What {@link PosClient#reconcile} does with a second approval under one ERP reference (a customer
 * charged twice). Chosen with {@link PosClientBuilder#duplicates(DuplicatePolicy)}.
 */
public enum DuplicatePolicy {
  /**
   * The default: the approval the ERP was told of is kept and the other one given back, by a void
   * while the terminal's batch is open, else by a linked refund. Each reversal is a payment of its
   * own under a reference derived from the duplicate ({@code REV-<intent id>}, {@code REF-<intent
   * id>}), journaled, sent once, and reported with the duplicate.
   */
  AUTO_REVERSE,
  /** The duplicate is only reported: a person gives the money back. */
  REPORT_ONLY;

  /** The default for {@code provider}: report only where it prints fiscal receipts (RRPay). */
  static DuplicatePolicy defaultFor(dev.webecr.sdk.spi.PosProvider provider) {
    return provider.capabilities().contains(dev.webecr.sdk.spi.Capability.FISCAL_RECEIPTS)
        ? REPORT_ONLY
        : AUTO_REVERSE;
  }
}
