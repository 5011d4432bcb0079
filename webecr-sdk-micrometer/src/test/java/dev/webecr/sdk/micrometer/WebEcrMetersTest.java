package dev.webecr.sdk.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Health;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gauges read the clients' health each time they are read, added up per provider. */
class WebEcrMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WebEcrMeters meters = new WebEcrMeters(registry);

  private static Health health(int inDoubt, int attention) {
    return Health.builder()
        .at(Instant.parse("2026-12-07T10:00:00Z"))
        .running(0)
        .inDoubt(inDoubt)
        .needsAttention(attention)
        .build();
  }

  private double gauge(String name, String provider) {
    return registry.find(name).tag("provider", provider).gauge().value();
  }

  @Test
  void twoTillsOfOneProviderOnOneRegistryAddUpAndAnotherProviderStandsApart() {
    AtomicInteger firstTill = new AtomicInteger(2);
    meters.bind("mellon", () -> health(firstTill.get(), 1));
    meters.bind("mellon", () -> health(3, 0));
    meters.bind("viva", () -> health(7, 7));

    assertThat(gauge(WebEcrMeters.IN_DOUBT, "mellon")).isEqualTo(5);
    assertThat(gauge(WebEcrMeters.NEEDS_ATTENTION, "mellon")).isEqualTo(1);
    assertThat(gauge(WebEcrMeters.IN_DOUBT, "viva")).isEqualTo(7);

    firstTill.set(0); // recovered: read again at the next scrape
    assertThat(gauge(WebEcrMeters.IN_DOUBT, "mellon")).isEqualTo(3);
  }
}
