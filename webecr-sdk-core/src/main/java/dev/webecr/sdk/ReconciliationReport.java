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

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableReconciliationReport.Builder {}
}
