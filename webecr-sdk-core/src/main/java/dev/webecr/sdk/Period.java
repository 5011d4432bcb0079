package dev.webecr.sdk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.immutables.value.Value;

/** A half-open span of time {@code [from, to)}, for listing and reconciling payments. */
@Value.Immutable(builder = false)
public abstract class Period {
  Period() {}

  /** The first instant included. */
  @Value.Parameter
  public abstract Instant from();

  /** The first instant after the period. */
  @Value.Parameter
  public abstract Instant to();

  /** The period from {@code from} (included) to {@code to} (excluded). */
  public static Period of(Instant from, Instant to) {
    return ImmutablePeriod.of(from, to);
  }

  /** One calendar day in a time zone: a business day. */
  public static Period day(LocalDate day, ZoneId zone) {
    return of(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** True when {@code instant} falls within the period. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(from()) && instant.isBefore(to());
  }

  @Value.Check
  void check() {
    if (!from().isBefore(to())) {
      throw new InvalidRequestException("period.to", "must be after from (" + from() + ")");
    }
  }
}
