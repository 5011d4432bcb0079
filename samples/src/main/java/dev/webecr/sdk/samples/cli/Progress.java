package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.PaymentIntent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Shows that the terminal is working while a payment runs. */
final class Progress {
  private Progress() {}

  /** The headline of a payment that was sent. */
  static String sentTo(String tid) {
    return "Sent to terminal " + tid + ": follow the card dialogue on the terminal";
  }

  static PaymentIntent await(
      CompletableFuture<PaymentIntent> payment, String headline, CliEnvironment env)
      throws InterruptedException {
    env.out.println(headline);
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
