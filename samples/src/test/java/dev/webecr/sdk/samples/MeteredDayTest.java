package dev.webecr.sdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.micrometer.WebEcrMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredDayTest {
  @Test
  void theDaysMetersCountItsPaymentsWithTheDialoguesTimes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MeterRegistry registry = MeteredDay.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String transcript = bytes.toString(StandardCharsets.UTF_8);

    // the day: 5 sales, a refund and a void approved, then a decline, a BUSY, a full batch
    assertThat(count(registry, "outcome", "approved")).isEqualTo(4);
    assertThat(count(registry, "outcome", "declined")).isEqualTo(1);
    assertThat(count(registry, "outcome", "busy")).isEqualTo(1);
    assertThat(count(registry, "outcome", "max_transactions")).isEqualTo(1);
    assertThat(count(registry, "operation", "refund")).isEqualTo(1);
    assertThat(count(registry, "operation", "void")).isEqualTo(1);
    // an approval takes the fake terminal's 3 s dialogue, on the demo's virtual clock
    io.micrometer.core.instrument.Timer sales =
        registry
            .find(WebEcrMeters.PAYMENT_DURATION)
            .tag("operation", "sale")
            .tag("outcome", "approved")
            .timer();
    assertThat(sales.totalTime(TimeUnit.SECONDS) / sales.count()).isBetween(3.0, 10.0);
    assertThat(registry.find(WebEcrMeters.TERMINAL_BUSY).tag("cause", "terminal").counter().count())
        .isEqualTo(1);
    assertThat(registry.find(WebEcrMeters.IN_DOUBT).gauge().value()).isZero();
    assertThat(transcript).contains("The meters after the day:");
    assertThat(transcript.substring(transcript.indexOf("The meters after the day:")))
        .contains(WebEcrMeters.PAYMENT_DURATION)
        .contains(WebEcrMeters.PROVIDER_REQUESTS)
        .doesNotContain(".histogram") // the buckets are for a dashboard, not this printout
        .doesNotContain("INV-2026"); // no reference in a meter
  }

  private static long count(MeterRegistry registry, String tag, String value) {
    return registry.find(WebEcrMeters.PAYMENT_DURATION).tag(tag, value).timers().stream()
        .mapToLong(io.micrometer.core.instrument.Timer::count)
        .sum();
  }
}
