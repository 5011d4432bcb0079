package dev.webecr.sdk.samples;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ReconciliationReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The quick start: a whole day at the till against the embedded fake WebECR server, printed step by
 * step. Pair a terminal, list terminals, take a signed sale, refund it, void another, then a
 * declined, a BUSY and a MAX_TRANSACTIONS payment with what to do about each, and reconcile the
 * day.
 *
 * <p>The fake terminals run on a virtual clock, so the demo finishes at once while the times it
 * prints are those a real card dialogue would take.
 */
public final class Quickstart {
  private final PrintStream out;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-23T09:00:00Z"));
  private final Instant opened = clock.instant();
  private PaymentObserver[] observers = {};

  Quickstart(PrintStream out) {
    this.out = out;
  }

  /** Attaches {@code observers} to the day's client (before {@link #run()}). */
  Quickstart observe(PaymentObserver... observers) {
    this.observers = observers;
    return this;
  }

  /** The demo's virtual clock (its card dialogues take their real time on it). */
  TestClock clock() {
    return clock;
  }

  /** Runs the demo on standard output. */
  public static void main(String[] args) {
    new Quickstart(System.out).run();
  }

  void run() {
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();
        PosProvider mellon =
            MellonProvider.create(
                server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(),
                clock);
        PosClient client =
            PosClient.builder()
                .provider(mellon)
                .journal(Journals.inMemory())
                .signer(new TestSigner(clock))
                .clock(clock)
                .scheduler(new VirtualTimeScheduler(clock))
                .executor(Runnable::run)
                .observer(observers)
                .build()) {
      step("Fake WebECR server running at " + server.baseUrl());

      ApiKey key = client.pair(FakeTerminals.REDEEM_CODE);
      step(
          "Paired with redeem code "
              + FakeTerminals.REDEEM_CODE
              + ": got an API key "
              + "(shown as "
              + key
              + "; store it like a password)");
      List<Terminal> terminals = client.terminals(key);
      step("Terminals this key reaches: " + terminals.size());
      for (Terminal t : terminals.subList(0, 3)) {
        out.println(
            "      TID " + t.tid() + "  call id " + t.callId() + "  " + t.label().orElse(""));
      }
      Terminal till = terminals.get(0);

      PaymentIntent sale = pay(client, till, "24.80", "INV-2026-0001");
      out.println(
          "      RRN "
              + sale.rrn().orElse("-")
              + ", authorisation code "
              + sale.authorisationCode().orElse("-")
              + ", card "
              + sale.maskedPan().orElse("-"));
      sale.myDataPayment()
          .ifPresent(
              m ->
                  out.println(
                      "      for myDATA: type "
                          + m.type()
                          + ", TID "
                          + m.tid()
                          + ", transaction "
                          + m.transactionId().orElse("-")
                          + ", signing author "
                          + m.signingAuthor().orElse("-")));

      PaymentIntent refund = client.refund(sale, Money.parse("4.80", Money.EUR), "CN-2026-0001");
      report("Refund 4.80 EUR of INV-2026-0001", refund);

      PaymentIntent coffee = pay(client, till, "3.20", "INV-2026-0002");
      PaymentIntent voided = client.voidPayment(coffee, "VOID-2026-0002");
      report("Void of INV-2026-0002", voided);

      pay(client, till, "9.99", "INV-2026-0003");
      pay(client, till, "15.94", "INV-2026-0004");
      pay(client, till, "7.95", "INV-2026-0005");

      Instant closed = clock.instant().plusSeconds(1);
      clock.advance(Duration.ofMinutes(5)); // at day's end: WebECR lists with a lag
      ReconciliationReport day = client.reconcile(Period.of(opened, closed));
      step(
          "Reconciled the day: "
              + day.providerIntents().size()
              + " intents at WebECR, "
              + (day.isClean()
                  ? "journal and provider agree"
                  : day.discrepancies().size() + " differences: " + day.discrepancies()));
    }
  }

  private PaymentIntent pay(PosClient client, Terminal till, String amount, String reference) {
    PaymentIntent intent =
        client.pay(
            PaymentRequest.builder()
                .terminal(till)
                .amount(Money.parse(amount, Money.EUR))
                .reference(reference)
                .build());
    report("Sale of " + amount + " EUR for " + reference, intent);
    return intent;
  }

  private void report(String what, PaymentIntent intent) {
    step(what + ": " + intent.status() + " / " + intent.result().map(Enum::name).orElse("-"));
    switch (intent.nextStep()) {
      case NONE:
        out.println(
            "      -> "
                + (!intent.isApproved()
                    ? "final: nothing was charged; ask for another card or cash"
                    : intent.kind() == TransactionType.SALE
                        ? "money moved; record it with the cash entry"
                        : "the money went back to the card; record it with the credit note"));
        break;
      case RETRY_LATER:
        out.println("      -> the terminal was busy; nothing was charged: try again in a moment");
        break;
      case CLOSE_BATCH_THEN_RETRY:
        out.println(
            "      -> the terminal's batch is full; nothing was charged: close the batch"
                + " on the POS, then pay again");
        break;
      default:
        out.println("      -> in doubt: recover() will find out; do not charge again");
    }
  }

  private void step(String line) {
    long seconds = Duration.between(opened, clock.instant()).getSeconds();
    out.printf("[%4ds] %s%n", seconds, line);
  }
}
