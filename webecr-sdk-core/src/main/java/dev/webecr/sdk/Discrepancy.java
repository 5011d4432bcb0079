package dev.webecr.sdk;

import java.util.Optional;
import org.immutables.value.Value;

/** One place where the journal and the provider tell different stories about a payment. */
@Value.Immutable
public abstract class Discrepancy {
  /** The kinds of difference. */
  public enum Kind {
    /** The provider has an intent under one of our references that the journal never wrote. */
    UNKNOWN_TO_JOURNAL,
    /** The journal says the provider has it; the provider's list does not. */
    MISSING_AT_PROVIDER,
    /** Both have it, with different outcomes. */
    RESULT_DIFFERS,
    /** The journal says it was never sent; the provider has it. */
    SENT_BUT_JOURNALED_NOT_SENT,
    /**
     * A second approval under one ERP reference: the customer was charged twice. The one the ERP
     * was told of is kept; this one is to be given back (a void while the batch is open, else a
     * linked refund).
     */
    DUPLICATE_APPROVAL
  }

  Discrepancy() {}

  /** What kind of difference. */
  public abstract Kind kind();

  /** The provider reference concerned. */
  public abstract String providerReference();

  /** What the journal says, for people. */
  public abstract String journalSays();

  /** What the provider says, for people. */
  public abstract String providerSays();

  /** The provider's intent, when it has one. */
  public abstract Optional<PaymentIntent> intent();

  /**
   * For a {@link Kind#DUPLICATE_APPROVAL} given back ({@link DuplicatePolicy#AUTO_REVERSE}): the
   * void or refund that reverses it, as it stands (approved, or declined when nothing worked).
   */
  public abstract Optional<PaymentIntent> reversal();

  /**
   * Why the reversal of a {@link Kind#DUPLICATE_APPROVAL} has no outcome yet (in doubt: the next
   * reconciliation resumes it, never sends it again; or refused before sending).
   */
  public abstract Optional<String> reversalProblem();

  /**
   * A new builder: the engine fills one per run; a provider's or an ERP's tests may build one to
   * feed code that handles reports.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Discrepancy}. */
  public static final class Builder extends ImmutableDiscrepancy.Builder {}
}
