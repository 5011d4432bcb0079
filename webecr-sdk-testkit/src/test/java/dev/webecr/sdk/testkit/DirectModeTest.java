package dev.webecr.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.UnsupportedCapabilityException;
import dev.webecr.sdk.mellon.MellonProvider;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An account that owns its terminals pays without pairing and without an X-Api-Key. */
class DirectModeTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();

  @AfterEach
  void stop() {
    server.close();
  }

  private PosClient client(boolean direct) {
    return PosClient.builder()
        .provider(
            MellonProvider.create(
                server
                    .mellonConfig()
                    .directMode(direct)
                    .retryScheduler(new VirtualTimeScheduler(clock))
                    .build(),
                clock))
        .journal(Journals.inMemory())
        .signer(new TestSigner(clock))
        .clock(clock)
        .scheduler(new VirtualTimeScheduler(clock))
        .executor(Runnable::run)
        .build();
  }

  @Test
  void directModeListsTheAccountsTerminalsAndPaysWithNoApiKey() {
    server.fake().behaviour().directMode(true);
    try (PosClient client = client(true)) {
      List<Terminal> terminals = client.directTerminals();
      Terminal till = terminals.get(0);
      assertThat(till.apiKey()).isEmpty();

      PaymentIntent paid =
          client.pay(
              PaymentRequest.builder()
                  .terminal(till)
                  .amount(Money.euroCents(1240))
                  .reference("DIRECT-1")
                  .build());

      assertThat(paid.isApproved()).isTrue();
      assertThat(server.fake().approvalsByReference()).containsEntry("DIRECT-1-A1", 1);
    }
  }

  @Test
  void withoutDirectModeTheAccountWouldNeedPairingAndTheFakeRefusesKeylessCalls() {
    try (PosClient paired = client(false)) {
      assertThatThrownBy(paired::directTerminals)
          .isInstanceOf(UnsupportedCapabilityException.class);
    }
    try (PosClient direct = client(true)) { // the fake is not in direct mode: keys required
      assertThatThrownBy(direct::directTerminals).isInstanceOf(dev.webecr.sdk.PosException.class);
    }
  }
}
