package dev.webecr.sdk.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the instants the journal writes ({@link Instant#toString()}: {@code 2026-11-22T10:00:00Z},
 * with or without a fraction) without {@code DateTimeFormatter}, which costs more than the rest of
 * a journal line. Anything else goes to {@link Instant#parse}.
 */
final class Instants {
  private Instants() {}

  static Instant parse(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(n - 1) != 'Z') {
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

  /**
   * Epoch milliseconds of the ASCII instant in {@code bytes[from, to)}, read in place; {@code
   * Long.MIN_VALUE} when it is not one.
   */
  static long epochMilli(byte[] bytes, int from, int to) {
    int n = to - from;
    boolean plain =
        n >= 20
            && bytes[from + 4] == '-'
            && bytes[from + 7] == '-'
            && bytes[from + 10] == 'T'
            && bytes[from + 13] == ':'
            && bytes[from + 16] == ':'
            && bytes[to - 1] == 'Z'
            && (n == 20 || bytes[from + 19] == '.' && n > 21)
            && n <= 30;
    try {
      if (plain) {
        int millis = 0;
        for (int at = from + 20; at < to - 1; at++) { // the fraction, to the millisecond
          int d = digit(bytes[at]);
          millis = at < from + 23 ? millis * 10 + d : millis;
        }
        for (int at = Math.max(to - 1, from + 20); at < from + 23; at++) {
          millis *= 10;
        }
        int hour = digits(bytes, from + 11, 2);
        int minute = digits(bytes, from + 14, 2);
        int second = digits(bytes, from + 17, 2);
        if (hour <= 23 && minute <= 59 && second <= 59) {
          long day =
              LocalDate.of(
                      digits(bytes, from, 4),
                      digits(bytes, from + 5, 2),
                      digits(bytes, from + 8, 2))
                  .toEpochDay();
          return (day * 86_400 + hour * 3_600L + minute * 60L + second) * 1000 + millis;
        }
      }
      return parse(new String(bytes, from, n, StandardCharsets.ISO_8859_1)).toEpochMilli();
    } catch (RuntimeException e) {
      return Long.MIN_VALUE;
    }
  }

  private static int digits(byte[] bytes, int from, int count) {
    int v = 0;
    for (int i = 0; i < count; i++) {
      v = v * 10 + digit(bytes[from + i]);
    }
    return v;
  }

  private static int digit(byte b) {
    if (b < '0' || b > '9') {
      throw new IllegalArgumentException("not a digit");
    }
    return b - '0';
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
