package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.PaymentIntent;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the Mellon provider adds to one HTTP call ({@link ProviderCalls}), read as the ratio
 * provider / raw. JMH runs the four one after another; on a machine whose speed drifts, the
 * interleaved rounds of {@link ProviderOverhead} give the steadier ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ProviderCallBenchmark {
  private ProviderCalls calls;

  @Setup(Level.Trial)
  public void start() throws IOException {
    calls = new ProviderCalls();
  }

  @TearDown(Level.Trial)
  public void stop() {
    calls.close();
  }

  /** Baseline read: the same GET with raw OkHttp, parsed by Moshi. */
  @Benchmark
  public Object readRaw() throws IOException {
    return calls.readRaw();
  }

  /** The provider's read. */
  @Benchmark
  public PaymentIntent readProvider() {
    return calls.readProvider();
  }

  /** Baseline create: the same POST with raw OkHttp, parsed by Moshi. */
  @Benchmark
  public Object createRaw() throws IOException {
    return calls.createRaw();
  }

  /** The provider's create. */
  @Benchmark
  public PaymentIntent createProvider() {
    return calls.createProvider();
  }
}
