package dev.webecr.sdk.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault a fake server applies to one request (the fake WebECR's next request of an endpoint, the
 * fake Viva's at random): before the request is processed (nothing happened at the fake) or after
 * (the fake acted, the answer is lost or late or broken).
 */
public final class InjectedFault {
  enum Kind {
    RESET,
    STATUS,
    DELAY,
    MALFORMED
  }

  final Kind kind;
  final boolean afterProcessing;
  final int status;
  final Integer retryAfterSeconds;
  final Duration delay;

  private InjectedFault(
      Kind kind, boolean afterProcessing, int status, Integer retryAfter, Duration delay) {
    this.kind = kind;
    this.afterProcessing = afterProcessing;
    this.status = status;
    this.retryAfterSeconds = retryAfter;
    this.delay = delay;
  }

  /** The connection is reset before the fake processes the request. */
  public static InjectedFault resetBeforeProcessing() {
    return new InjectedFault(Kind.RESET, false, 0, null, null);
  }

  /** The fake processes the request, then resets the connection: the answer is lost. */
  public static InjectedFault resetAfterProcessing() {
    return new InjectedFault(Kind.RESET, true, 0, null, null);
  }

  /** The fake processes the request and answers after {@code delay} (real time). */
  public static InjectedFault delay(Duration delay) {
    Objects.requireNonNull(delay, "delay == null");
    return new InjectedFault(Kind.DELAY, true, 0, null, delay);
  }

  /** An error status (500, 503, 429, ...) before processing, with an optional Retry-After. */
  public static InjectedFault status(int status, Integer retryAfterSeconds) {
    return new InjectedFault(Kind.STATUS, false, status, retryAfterSeconds, null);
  }

  /**
   * The fake processes the request, then answers an error status anyway (a proxy or a crash after
   * the commit): the create happened, the client is told it failed.
   */
  public static InjectedFault statusAfterProcessing(int status) {
    return new InjectedFault(Kind.STATUS, true, status, null, null);
  }

  /** The fake processes the request and answers 200 with a broken JSON body. */
  public static InjectedFault malformedBody() {
    return new InjectedFault(Kind.MALFORMED, true, 0, null, null);
  }

  /** True when the connection is cut instead of answered. */
  public boolean isReset() {
    return kind == Kind.RESET;
  }

  /** True when the answer is a 200 with a broken JSON body. */
  public boolean isMalformed() {
    return kind == Kind.MALFORMED;
  }

  /** True when the fake acts on the request before the fault hits its answer. */
  public boolean afterProcessing() {
    return afterProcessing;
  }

  /** The error status answered; 0 when the fault is not a status. */
  public int status() {
    return status;
  }

  /** The {@code Retry-After} seconds sent with the status, if any. */
  public java.util.Optional<Integer> retryAfterSeconds() {
    return java.util.Optional.ofNullable(retryAfterSeconds);
  }

  /** How long the answer is held back (real time), if this is a delay. */
  public java.util.Optional<Duration> delay() {
    return java.util.Optional.ofNullable(delay);
  }

  @Override
  public String toString() {
    return kind
        + (afterProcessing ? " after processing" : " before processing")
        + (status > 0 ? " " + status : "")
        + (delay != null ? " " + delay : "");
  }
}
