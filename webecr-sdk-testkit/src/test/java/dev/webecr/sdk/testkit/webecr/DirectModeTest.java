package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.UnsupportedCapabilityException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An account that owns its terminals pays without pairing and without an X-Api-Key. */
class DirectModeTest {
  private static VirtualTill till(boolean directClient, boolean directFake) {
    VirtualTill t =
        new VirtualTill("2026-11-26T09:00:00Z", m -> m.directMode(directClient), c -> c);
    t.server.fake().behaviour().directMode(directFake);
    return t;
  }

  @Test
  void directModeListsTheAccountsTerminalsAndPaysWithNoApiKey() {
    try (VirtualTill t = till(true, true)) {
      PosClient client = t.client;
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
      assertThat(t.server.fake().approvalsByReference()).containsEntry("DIRECT-1-A1", 1);
    }
  }

  @Test
  void withoutDirectModeTheAccountWouldNeedPairingAndTheFakeRefusesKeylessCalls() {
    try (VirtualTill paired = till(false, false)) {
      assertThatThrownBy(paired.client::directTerminals)
          .isInstanceOf(UnsupportedCapabilityException.class);
    }
    try (VirtualTill direct = till(true, false)) { // the fake wants keys: not in direct mode
      assertThatThrownBy(direct.client::directTerminals)
          .isInstanceOf(dev.webecr.sdk.PosException.class);
    }
  }
}
