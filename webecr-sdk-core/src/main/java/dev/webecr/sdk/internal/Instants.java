package dev.webecr.sdk.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the instants the journal writes ({@link Instant#toString()}: {@code
 * 2026-11-22T10:00:00Z}, with or without a fraction) without {@code DateTimeFormatter}, which
 * costs more than the rest of a journal line. Anything else goes to {@link Instant#parse}.
 */
final class Instants {
  private Instants() {}

  static Instant parse(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
      return Instant.parse(s);
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
        return Instant.parse(s);
      }
      nanos = digits(s, 20, n - 1);
      for (int i = n - 21; i < 9; i++) {
        nanos *= 10;
      }
    } else if (s.charAt(19) != 'Z') {
      return Instant.parse(s);
    }
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if (hour > 23 || minute > 59 || second > 59) {
      return Instant.parse(s); // let it refuse
    }
    long day = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
    return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new java.time.format.DateTimeParseException("not a digit", s, i);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
