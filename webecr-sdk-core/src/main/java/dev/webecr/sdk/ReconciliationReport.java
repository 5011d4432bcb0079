package dev.webecr.sdk;

import java.util.List;
import org.immutables.value.Value;

/**
 * What {@link PosClient#reconcile(Period)} found: every payment of the period the provider
 * reported, and every place where journal and provider differ. An empty {@link #discrepancies()}
 * means the ERP's records (as journaled) match the provider's.
 */
@Value.Immutable
public abstract class ReconciliationReport {
  ReconciliationReport() {}

  /** The period reconciled. */
  public abstract Period period();

  /** The provider's intents of the period, for the journaled terminals. */
  public abstract List<PaymentIntent> providerIntents();

  /** Differences between journal and provider. */
  public abstract List<Discrepancy> discrepancies();

  /** True when nothing differs. */
  public boolean isClean() {
    return discrepancies().isEmpty();
  }

  /**
   * A new builder: the engine fills one per run; a provider's or an ERP's tests may build one to
   * feed code that handles reports.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReconciliationReport}. */
  public static final class Builder extends ImmutableReconciliationReport.Builder {}
}
