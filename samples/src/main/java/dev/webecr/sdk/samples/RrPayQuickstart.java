package dev.webecr.sdk.samples;

import dev.webecr.sdk.BasketLine;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.rrpay.CreditMapping;
import dev.webecr.sdk.rrpay.RrPayConfig;
import dev.webecr.sdk.rrpay.RrPayProvider;
import dev.webecr.sdk.rrpay.RrPayResult;
import dev.webecr.sdk.testkit.rrpay.FakeRrPay;
import dev.webecr.sdk.testkit.rrpay.FakeRrPayOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The RRPay quick start: Rivile GAMA hands finished sales to a fake RRPay through an exchange
 * folder; RRPay takes card or cash, prints the fiscal receipt and hands back the tenders.
 */
public final class RrPayQuickstart {
  private final PrintStream out;

  RrPayQuickstart(PrintStream out) {
    this.out = out;
  }

  /** Runs the demo on standard output. */
  public static void main(String[] args) {
    new RrPayQuickstart(System.out).run();
  }

  void run() {
    Path exchange;
    try {
      exchange = Files.createTempDirectory("rrpay-exchange");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      try (FakeRrPay rrpay = FakeRrPay.start(exchange);
          RrPayProvider provider =
              RrPayProvider.open(
                  RrPayConfig.builder()
                      .exchangeRoot(exchange)
                      .posIds(List.of("POS1"))
                      .creditMapping(
                          CreditMapping.builder()
                              .mapCash(1, "CASH", "Grynieji")
                              .map(2, "CARD", "Banko kortelė")
                              .build())
                      .build());
          PosClient client =
              PosClient.builder()
                  .provider(provider)
                  .journal(Journals.inMemory())
                  .pollSchedule(PollSchedule.of(Duration.ofMillis(20), 1.5, Duration.ofMillis(200)))
                  .build()) {
        out.println("RRPay session opened (GAMA's INIT) on " + exchange);
        Terminal pos = provider.terminal("POS1");

        rrpay.nextOutcome(FakeRrPayOutcome.CARD);
        sell(client, provider, pos, "K-0001", 2480);
        rrpay.nextOutcome(FakeRrPayOutcome.CASH);
        sell(client, provider, pos, "K-0002", 248);
        rrpay.nextOutcome(FakeRrPayOutcome.CANCELLED);
        sell(client, provider, pos, "K-0003", 990);

        out.println(
            "Day totals per RRPay credit number (to compare with the Z report): "
                + provider.dayTotals(LocalDate.now(ZoneId.of("Europe/Vilnius"))));
        out.println("RRPay session closed (GAMA's CLOSE)");
      }
    } finally {
      deleteTree(exchange); // the demo leaves nothing behind in the temp folder
    }
  }

  private static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> all = Files.walk(root)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp folder the OS will clean
    }
  }

  private void sell(
      PosClient client, RrPayProvider provider, Terminal pos, String receipt, long cents) {
    Money total = Money.euroCents(cents);
    BasketLine bread =
        BasketLine.builder()
            .code("DUONA")
            .name("Duona")
            .quantity(BigDecimal.ONE)
            .unit("vnt.")
            .unitPrice(total)
            .vatRate(BigDecimal.valueOf(21))
            .lineTotal(total)
            .build();
    PaymentIntent intent =
        client.pay(
            PaymentRequest.builder()
                .terminal(pos)
                .amount(total)
                .reference(receipt)
                .addLines(bread)
                .cashier("Rasa K.")
                .build());
    out.println("Sale " + receipt + " of " + total + ": " + intent.result().orElseThrow());
    provider
        .result(intent.id())
        .map(RrPayResult::toString)
        .ifPresent(r -> out.println("      " + r));
  }
}
