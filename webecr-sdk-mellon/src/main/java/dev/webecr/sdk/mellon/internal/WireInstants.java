package dev.webecr.sdk.mellon.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * WebECR's time fields: ISO-8601, with an offset or taken as UTC. The plain UTC shape every answer
 * carries ({@code 2026-11-22T10:00:00.123456Z}, or without the {@code Z}) is read by hand: {@code
 * DateTimeFormatter} stood out in a profile of the provider's reads (two times an intent; the
 * calling thread's CPU per read fell by 1 to 2 µs). Any other shape goes to the formatter.
 */
final class WireInstants {
  private WireInstants() {}

  /** The instant of {@code text}; empty when it is not one. */
  static Optional<Instant> parse(String text) {
    Instant plain = plain(text);
    if (plain != null) {
      return Optional.of(plain);
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.fraction]} with {@code Z} or nothing; null for another shape or a
   * field out of range (the formatter then decides).
   */
  static Instant plain(String s) {
    int n = s.length();
    int end = n > 0 && s.charAt(n - 1) == 'Z' ? n - 1 : n;
    if (end < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || (end > 19 && (s.charAt(19) != '.' || end == 20 || end > 29))) {
      return null;
    }
    int nanos = 0;
    for (int i = 20; i < 29; i++) {
      int d = i < end ? digit(s, i) : 0;
      if (d < 0) {
        return null;
      }
      nanos = nanos * 10 + d;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    if (day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The {@code count} decimal digits at {@code from}; -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = digit(s, i);
      if (d < 0) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int digit(String s, int at) {
    char c = s.charAt(at);
    return c >= '0' && c <= '9' ? c - '0' : -1;
  }
}
