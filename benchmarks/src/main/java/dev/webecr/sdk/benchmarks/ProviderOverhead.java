package dev.webecr.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The provider's overhead over raw OkHttp ({@link ProviderCalls}), interleaved call by call (a raw
 * call and a provider call, the order alternating), so that a drift in the machine's speed, a GC or
 * the fake's own work hits both sides alike. Prints, for reads and creates, the median and 90th
 * percentile of each side and their ratios; the mean too, which a rare stall moves; and the mean
 * CPU time of the calling thread per call, each side.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.ProviderOverhead 20000
 * }</pre>
 *
 * <p>With a second argument {@code retrofit}: raw OkHttp against the same calls declared for
 * Retrofit alone (Moshi's converter, no SDK layer), then Retrofit alone against the provider, so
 * the overhead splits into Retrofit's share and the SDK's.
 */
public final class ProviderOverhead {
  private ProviderOverhead() {}

  /** Argument: measured calls per side and kind (default 20,000), after as many unmeasured. */
  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    if (args.length > 1 && args[1].equals("retrofit")) {
      try (ProviderCalls c = new ProviderCalls()) {
        interleave(calls, c::readRaw, c::readRetrofit); // warm-up
        interleave(calls, c::readRetrofit, c::readProvider);
        report("read", "raw", "Retrofit alone", interleave(calls, c::readRaw, c::readRetrofit));
        report(
            "read",
            "Retrofit alone",
            "provider",
            interleave(calls, c::readRetrofit, c::readProvider));
        interleave(calls / 4, c::createRaw, c::createRetrofit);
        interleave(calls / 4, c::createRetrofit, c::createProvider);
        report(
            "create", "raw", "Retrofit alone", interleave(calls, c::createRaw, c::createRetrofit));
        report(
            "create",
            "Retrofit alone",
            "provider",
            interleave(calls, c::createRetrofit, c::createProvider));
      }
      return;
    }
    try (ProviderCalls c = new ProviderCalls()) {
      interleave(calls, c::readRaw, c::readProvider); // warm-up
      report("read", interleave(calls, c::readRaw, c::readProvider));
      interleave(calls / 4, c::createRaw, c::createProvider);
      report("create", interleave(calls, c::createRaw, c::createProvider));
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Nanoseconds of each call: [0] {@code base}, [1] {@code other}, and the calling thread's CPU
   * time in them, [2] and [3] (a synchronous call runs its interceptors, its I/O and its parsing on
   * the caller: the CPU the client spends, which the fake's share of the wall time hides); who goes
   * first alternates, so neither always meets a cold connection or the other's garbage.
   */
  static long[][] interleave(int calls, Callable<?> base, Callable<?> other) throws Exception {
    long[][] out = new long[4][calls];
    for (int i = 0; i < calls; i++) {
      if (i % 2 == 0) {
        timed(base, out, 0, i);
        timed(other, out, 1, i);
      } else {
        timed(other, out, 1, i);
        timed(base, out, 0, i);
      }
    }
    return out;
  }

  private static void timed(Callable<?> call, long[][] out, int side, int i) throws Exception {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    if (call.call() == null) {
      throw new IllegalStateException("no answer");
    }
    out[side][i] = System.nanoTime() - start;
    out[side + 2][i] = THREADS.getCurrentThreadCpuTime() - cpu;
  }

  private static void report(String what, long[][] nanos) {
    report(what, "raw", "provider", nanos);
  }

  /** Prints median, p90 and mean of both sides, and {@code other} / {@code base}. */
  static void report(String what, String base, String other, long[][] nanos) {
    double[] b = stats(nanos[0]);
    double[] o = stats(nanos[1]);
    double[] c = stats(nanos[2]);
    double[] d = stats(nanos[3]);
    System.out.printf(
        "%s, %d calls each: median %s %.0f µs, %s %.0f µs: %.3f×; "
            + "p90 %.0f / %.0f µs: %.3f×; mean %.0f / %.0f µs: %.3f×;"
            + " calling thread's CPU, mean %.1f / %.1f µs: %.3f×%n",
        what,
        nanos[0].length,
        base,
        b[0],
        other,
        o[0],
        o[0] / b[0],
        b[1],
        o[1],
        o[1] / b[1],
        b[2],
        o[2],
        o[2] / b[2],
        c[2],
        d[2],
        d[2] / c[2]);
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
