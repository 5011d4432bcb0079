package dev.webecr.sdk.samples;

import dev.webecr.sdk.micrometer.WebEcrMeters;
import dev.webecr.sdk.testkit.TestClock;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * The quick start's day at the till with the SDK's meters attached, then the meters printed: what
 * operations would see on a dashboard. The registry reads the demo's virtual clock, so the
 * durations are those of the card dialogues.
 *
 * <pre>{@code
 * mvn -q -pl samples exec:java -Dexec.mainClass=dev.webecr.sdk.samples.MeteredDay
 * }</pre>
 */
public final class MeteredDay {
  private MeteredDay() {}

  /** Runs the day, then prints the meters. */
  public static void main(String[] args) {
    run(System.out);
  }

  static SimpleMeterRegistry run(PrintStream out) {
    Quickstart day = new Quickstart(out);
    SimpleMeterRegistry registry =
        new SimpleMeterRegistry(SimpleConfig.DEFAULT, virtual(day.clock()));
    day.observe(new WebEcrMeters(registry)).run();
    out.println();
    out.println("The meters after the day:");
    registry.getMeters().stream()
        .filter(m -> !m.getId().getName().endsWith(".histogram")) // buckets: for a dashboard
        .map(m -> m.getId().getName() + " " + m.getId().getTags() + " " + values(m))
        .sorted()
        .forEach(out::println);
    return registry;
  }

  private static String values(Meter m) {
    StringBuilder b = new StringBuilder();
    for (Measurement v : m.measure()) {
      b.append(v.getStatistic().getTagValueRepresentation()).append('=').append(v.getValue());
      b.append(' ');
    }
    return b.toString().trim();
  }

  /** Micrometer's clock on the demo's virtual one. */
  private static Clock virtual(TestClock clock) {
    return new Clock() {
      @Override
      public long wallTime() {
        return clock.millis();
      }

      @Override
      public long monotonicTime() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
      }
    };
  }
}
