package dev.webecr.sdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.webecr.Endpoint;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeWebEcrExtension.class)
class FakeWebEcrExtensionTest {
  @Test
  void theExtensionHandsOverAReadyClientOnTheFakeServer(
      PosClient client, FakeWebEcrServer server, TestSigner signer) {
    Terminal till = client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).get(0);
    long before = server.requestCount(Endpoint.TXNINIT); // one server for the whole class

    PaymentIntent paid =
        client.pay(
            PaymentRequest.builder()
                .terminal(till)
                .amount(Money.euroCents(1250))
                .reference("EXT-1")
                .build());

    assertThat(paid.isApproved()).isTrue();
    assertThat(server.requestCount(Endpoint.TXNINIT)).isEqualTo(before + 1);
    assertThat(signer.outcomes())
        .containsEntry("EXT-1-A1", dev.webecr.sdk.spi.SignatureOutcome.USED);
  }

  @Test
  void eachTestGetsAFreshJournal(PosClient client, FakeWebEcrServer server) {
    Terminal till = client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).get(0);

    PaymentIntent paid =
        client.pay(
            PaymentRequest.builder()
                .terminal(till)
                .amount(Money.euroCents(1250))
                .reference("EXT-2")
                .build());

    assertThat(paid.providerReference()).isEqualTo("EXT-2-A1");
  }
}
