package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.spi.PaymentObserver;

/**
 * What attaching meters and traces ({@link Observed}) costs a provider call: the Mellon provider
 * reporting to them against one reporting to nothing, each on an embedded fake of its own,
 * interleaved call by call (order alternating) so drift and GC hit both alike. Prints medians, 90th
 * percentiles and their ratios for reads and creates, and the spans exported.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.ObserverOverhead 20000
 * }</pre>
 */
public final class ObserverOverhead {
  private ObserverOverhead() {}

  /**
   * Arguments: measured calls per side and kind (default 20,000), after as many unmeasured; then
   * {@code aa} to observe neither side (the comparison's noise floor).
   */
  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    // "aa": both sides unobserved, to read the noise floor of the comparison
    boolean aa = args.length > 1 && args[1].equals("aa");
    try (Observed observed = new Observed();
        ProviderCalls plain = new ProviderCalls();
        ProviderCalls watched =
            new ProviderCalls(aa ? new PaymentObserver[0] : observed.observers())) {
      ProviderOverhead.interleave(calls, plain::readProvider, watched::readProvider); // warm-up
      ProviderOverhead.report(
          "read",
          "unobserved",
          "observed",
          ProviderOverhead.interleave(calls, plain::readProvider, watched::readProvider));
      ProviderOverhead.interleave(calls / 4, plain::createProvider, watched::createProvider);
      ProviderOverhead.report(
          "create",
          "unobserved",
          "observed",
          ProviderOverhead.interleave(calls, plain::createProvider, watched::createProvider));
      System.out.printf(
          "spans exported %d, meters %d%n",
          observed.exported.get(), observed.registry.getMeters().size());
    }
  }
}
