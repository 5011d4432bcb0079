package com.example.erp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.TestSigner;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TillTest {
  @Test
  void aSaleOnTheFakeTerminalIsApprovedOnce() {
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().build().start();
        PosClient client = PosClient.builder()
            .provider(MellonProvider.create(server.mellonConfig().build()))
            .journal(Journals.inMemory())
            .signer(new TestSigner(Clock.systemUTC()))
            .build()) {
      server.fake().behaviour().dialogueTime(Duration.ofMillis(200));
      ApiKey key = client.pair(FakeTerminals.REDEEM_CODE);
      Terminal terminal = client.terminals(key).get(0);

      PaymentIntent paid = new Till(client, terminal).charge("24.80", "INV-CONSUMER-1");

      assertEquals(IntentResult.APPROVED, paid.result().orElseThrow());
      assertEquals(1, server.fake().approvalsByReference().get("INV-CONSUMER-1-A1"));
    }
  }
}
