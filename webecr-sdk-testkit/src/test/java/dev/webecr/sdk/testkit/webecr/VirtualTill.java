package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosClientBuilder;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A till for tests: a {@link PosClient} with the Mellon provider against a fake WebECR server, all
 * on one virtual clock, so a payment of minutes finishes at once and deterministically.
 */
final class VirtualTill implements AutoCloseable {
  final TestClock clock;
  final FakeWebEcrServer server;
  final PosClient client;

  VirtualTill(String start) {
    this(start, mellon -> mellon, client -> client);
  }

  VirtualTill(
      String start,
      UnaryOperator<MellonConfig.Builder> mellon,
      UnaryOperator<PosClientBuilder> builder) {
    clock = new TestClock(Instant.parse(start));
    server = FakeWebEcrServer.builder().clock(clock).build().start();
    MellonConfig config =
        mellon.apply(server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock))).build();
    client =
        builder
            .apply(
                PosClient.builder()
                    .provider(MellonProvider.create(config, clock))
                    .journal(Journals.inMemory())
                    .signer(new TestSigner(clock))
                    .clock(clock)
                    .scheduler(new VirtualTimeScheduler(clock))
                    .executor(Runnable::run))
            .build();
  }

  /** Pairs with the seeded redeem code; every seeded terminal. */
  List<Terminal> paired() {
    return client.terminals(client.pair(FakeTerminals.REDEEM_CODE));
  }

  /** The paired terminal with this TID. */
  Terminal terminal(String tid) {
    return paired().stream().filter(t -> t.tid().equals(tid)).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
