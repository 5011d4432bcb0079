package dev.webecr.sdk.benchmarks;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The provider's overhead over raw OkHttp ({@link ProviderCalls}), interleaved call by call: a raw
 * call, then a provider call, and so on, so that a drift in the machine's speed, a GC or the fake's
 * own work hits both sides alike. Prints, for reads and creates, the median and 90th percentile of
 * each side and their ratios; the mean too, which a rare stall moves.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.ProviderOverhead 20000
 * }</pre>
 */
public final class ProviderOverhead {
  private ProviderOverhead() {}

  /** Argument: measured calls per side and kind (default 20,000), after as many unmeasured. */
  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    try (ProviderCalls c = new ProviderCalls()) {
      interleave(calls, c::readRaw, c::readProvider); // warm-up
      report("read", interleave(calls, c::readRaw, c::readProvider));
      interleave(calls / 4, c::createRaw, c::createProvider);
      report("create", interleave(calls, c::createRaw, c::createProvider));
    }
  }

  /** Nanoseconds of each call: [0] raw, [1] provider. */
  private static long[][] interleave(int calls, Callable<?> raw, Callable<?> provider)
      throws Exception {
    long[][] out = new long[2][calls];
    for (int i = 0; i < calls; i++) {
      out[0][i] = timed(raw);
      out[1][i] = timed(provider);
    }
    return out;
  }

  private static long timed(Callable<?> call) throws Exception {
    long start = System.nanoTime();
    if (call.call() == null) {
      throw new IllegalStateException("no answer");
    }
    return System.nanoTime() - start;
  }

  private static void report(String what, long[][] nanos) {
    double[] raw = stats(nanos[0]);
    double[] provider = stats(nanos[1]);
    System.out.printf(
        "%s, %d calls each: median raw %.0f µs, provider %.0f µs: %.3f×; "
            + "p90 %.0f / %.0f µs: %.3f×; mean %.0f / %.0f µs: %.3f×%n",
        what,
        nanos[0].length,
        raw[0],
        provider[0],
        provider[0] / raw[0],
        raw[1],
        provider[1],
        provider[1] / raw[1],
        raw[2],
        provider[2],
        provider[2] / raw[2]);
  }

  /** Median, 90th percentile and mean, in microseconds. */
  private static double[] stats(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    return new double[] {
      sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.9)] / 1e3, mean / 1e3
    };
  }
}
