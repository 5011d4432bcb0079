package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.PaymentIntent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Shows that the terminal is working while a payment runs. */
final class Progress {
  private Progress() {}

  /** True while a command waits for a payment's outcome (what Ctrl-C interrupts). */
  static volatile boolean waiting;

  /**
   * The headline of a payment about to be asked for: it claims nothing was sent, since it may not
   * be (a signer's refusal, a reference already paid or running stops it before).
   */
  static String paying(String what, String tid) {
    return what
        + " on terminal "
        + tid
        + ": when the terminal shows the amount, follow the card dialogue there";
  }

  static PaymentIntent await(
      CompletableFuture<PaymentIntent> payment, String headline, CliEnvironment env)
      throws InterruptedException {
    env.out.println(headline);
    waiting = true;
    try {
      return waitFor(payment, env);
    } finally {
      waiting = false;
    }
  }

  private static PaymentIntent waitFor(CompletableFuture<PaymentIntent> payment, CliEnvironment env)
      throws InterruptedException {
    for (int seconds = 1; ; seconds++) {
      try {
        return payment.get(1, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        env.out.println("  waiting for the terminal... " + seconds + " s");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        throw new IllegalStateException(cause);
      }
    }
  }
}
