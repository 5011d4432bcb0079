package dev.webecr.sdk.internal;

import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.Capability;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An attempt's deadline, and the abort that may move it once: where the provider can abort ({@link
 * Capability#ABORT}) and a cashier waits, a terminal still running at the deadline is asked to
 * stop, and the attempt is read for {@link #ABORT_GRACE} more.
 */
final class AttemptDeadline {
  private static final Logger log = LoggerFactory.getLogger(AttemptDeadline.class);

  /**
   * [assumed] How long an attempt is still read after the abort its deadline sent: an abort is a
   * request to the device, the answer comes with a later read (Viva's contract §15).
   */
  static final Duration ABORT_GRACE = Duration.ofSeconds(30);

  private final ClientContext ctx;
  private final Terminal terminal;
  private final Attempt attempt;
  private final boolean mayAbort;
  private volatile Instant at;
  private volatile boolean aborted;

  AttemptDeadline(
      ClientContext ctx, Terminal terminal, Attempt attempt, Instant at, boolean cashierWaits) {
    this.ctx = ctx;
    this.terminal = terminal;
    this.attempt = attempt;
    this.at = at;
    this.mayAbort = cashierWaits && ctx.provider.capabilities().contains(Capability.ABORT);
  }

  /**
   * True once the deadline has passed. The first time, where an abort may be asked and the terminal
   * has not finished ({@code last}: the latest intent read, or null), it asks once and moves the
   * deadline by {@link #ABORT_GRACE}.
   */
  boolean past(PaymentIntent last) {
    if (ctx.clock.instant().isBefore(at)) {
      return false;
    }
    if (!mayAbort || aborted || (last != null && last.status() == IntentStatus.COMPLETED)) {
      return true;
    }
    aborted = true;
    try {
      ctx.provider.abort(terminal, last == null ? attempt.lookup() : attempt.read(last.id()));
      log.info("{} reached its deadline: abort asked, reading on", attempt.providerReference());
    } catch (RuntimeException e) {
      log.warn("abort of {} failed: reading on", attempt.providerReference(), e);
    }
    at = ctx.clock.instant().plus(ABORT_GRACE);
    return false;
  }

  /**
   * The cashier's cancel: asks the terminal to stop the attempt now; reads go on under the
   * deadline, and only they say what happened. No second abort at the deadline.
   */
  void abortNow() {
    aborted = true;
    ctx.provider.abort(terminal, attempt.lookup());
  }

  /** What is left, never negative. */
  Duration remaining() {
    return AttemptWatch.remaining(ctx, at);
  }
}
