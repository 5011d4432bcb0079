package dev.webecr.sdk;

import java.util.List;
import org.immutables.value.Value;

/**
 * What {@link PosClient#recover()} found for the payments the journal held in flight.
 *
 * <ul>
 *   <li>{@link #settled()}: the provider gave a final outcome; each is journaled.
 *   <li>{@link #notSent()}: provider references the provider never received; nothing was charged,
 *       paying again with the same ERP reference is safe.
 *   <li>{@link #inDoubt()}: still unknown (provider unreachable, still running, or waiting for its
 *       back-off); run recover again later.
 *   <li>{@link #discrepancies()}: what the duplicate watch found this run among the attempts called
 *       not sent: a late approval, or a duplicate approval with the outcome of giving it back.
 *   <li>{@link #needsAttention()}: the subset of {@link #inDoubt()} that several runs could not
 *       settle (typically a terminal that answered UNKNOWN with no card transaction behind it): a
 *       person should read the terminal's slip and close each with {@link
 *       PosClient#resolveManually}. Recovery asks about them less and less often (back-off).
 * </ul>
 */
@Value.Immutable
public abstract class RecoveryReport {
  RecoveryReport() {}

  /** Payments whose final outcome is now known. */
  public abstract List<PaymentIntent> settled();

  /** Provider references of attempts that never reached the provider. */
  public abstract List<String> notSent();

  /** Provider references still in doubt. */
  public abstract List<String> inDoubt();

  /** Provider references in doubt after several runs: for a person to resolve. */
  public abstract List<String> needsAttention();

  /** What the duplicate watch found this run (each also told to the client's listener). */
  public abstract List<Discrepancy> discrepancies();

  /**
   * A new builder: the engine fills one per run; a provider's or an ERP's tests may build one to
   * feed code that handles reports.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RecoveryReport}. */
  public static final class Builder extends ImmutableRecoveryReport.Builder {}
}
