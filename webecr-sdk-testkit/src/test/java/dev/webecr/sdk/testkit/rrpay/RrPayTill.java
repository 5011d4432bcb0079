package dev.webecr.sdk.testkit.rrpay;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.rrpay.CreditMapping;
import dev.webecr.sdk.rrpay.RrPayConfig;
import dev.webecr.sdk.rrpay.RrPayProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One RRPay till for a test: the fake RRPay (when started), the RRPay provider on POS1 and a client
 * polling every 10 ms, on the exchange folder {@code root}; closed in one call.
 */
final class RrPayTill implements AutoCloseable {
  final Path root;
  FakeRrPay fake;
  RrPayProvider provider;
  PosClient client;

  RrPayTill(Path root) {
    this.root = root;
  }

  /** Starts the fake RRPay. */
  RrPayTill withRrPay() {
    fake = FakeRrPay.start(root);
    return this;
  }

  /** Opens the session: RRPay acks within {@code ack}; payments give up after {@code deadline}. */
  RrPayTill open(Duration ack, Duration deadline) {
    return open(
        ack,
        deadline,
        CreditMapping.builder()
            .mapCash(1, "CASH", "Grynieji")
            .map(2, "CARD", "Banko kortelė")
            .build());
  }

  /** {@link #open(Duration, Duration)} with the site's own credit numbers. */
  RrPayTill open(Duration ack, Duration deadline, CreditMapping credits) {
    provider =
        RrPayProvider.open(
            RrPayConfig.builder()
                .exchangeRoot(root)
                .posIds(List.of("POS1"))
                .creditMapping(credits)
                .ackTimeout(ack)
                .pollInterval(Duration.ofMillis(20))
                .build());
    client =
        PosClient.builder()
            .provider(provider)
            .journal(Journals.inMemory())
            .pollSchedule(PollSchedule.of(Duration.ofMillis(10), 1.0, Duration.ofMillis(10)))
            .paymentDeadline(deadline)
            .build();
    return this;
  }

  /** A one-line sale on POS1. */
  PaymentIntent pay(String reference, long cents) {
    return client.pay(RrPayEndToEndTest.sale(provider.terminal("POS1"), reference, cents));
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (fake != null) {
      fake.close();
    }
  }
}
