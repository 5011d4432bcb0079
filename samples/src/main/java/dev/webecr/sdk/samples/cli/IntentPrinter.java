package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.PaymentIntent;
import java.io.PrintWriter;

/** One intent as the command line shows it. */
final class IntentPrinter {
  private IntentPrinter() {}

  static void print(PaymentIntent i, PrintWriter o) {
    o.println("intent        " + i.id());
    o.println("reference     " + i.providerReference());
    o.println("kind          " + i.kind() + " of " + i.amount());
    o.println("terminal      " + i.terminal().tid());
    o.println("status        " + i.status() + i.result().map(r -> " / " + r).orElse(""));
    i.transactionId().ifPresent(v -> o.println("transaction   " + v));
    i.rrn().ifPresent(v -> o.println("RRN           " + v));
    i.authorisationCode().ifPresent(v -> o.println("auth code     " + v));
    i.maskedPan().ifPresent(v -> o.println("card          " + v));
    o.println("next          " + i.nextStep());
  }
}
