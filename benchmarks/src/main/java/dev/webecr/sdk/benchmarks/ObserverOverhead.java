package dev.webecr.sdk.benchmarks;

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

  /** Argument: measured calls per side and kind (default 20,000), after as many unmeasured. */
  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    try (Observed observed = new Observed();
        ProviderCalls plain = new ProviderCalls();
        ProviderCalls watched = new ProviderCalls(observed.observers())) {
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
