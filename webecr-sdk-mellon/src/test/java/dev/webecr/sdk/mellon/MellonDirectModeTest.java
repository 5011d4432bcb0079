package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Direct mode: the account's own terminals, and no request carries an X-Api-Key. */
class MellonDirectModeTest {
  private final WebEcrStubs stubs = new WebEcrStubs();
  private final PosProvider provider =
      MellonProvider.create(stubs.configBuilder().directMode(true).build(), stubs.clock);

  @AfterEach
  void stop() {
    provider.close();
    stubs.close();
  }

  @Test
  void noRequestCarriesAnApiKeyAndTheTerminalsNeedNone() {
    stubs.stubTerminals();
    stubs.stubCreate(WebEcrStubs.intent(77, 1, null, "DOC-1-A1"));

    List<Terminal> terminals = provider.directTerminals();
    provider.create(
        CreateIntentCommand.builder()
            .terminal(terminals.get(0))
            .kind(TransactionType.SALE)
            .amount(Money.euroCents(2480))
            .providerReference("DOC-1-A1")
            .signature(MellonProviderTest.signature(2480))
            .build());

    assertThat(terminals).allSatisfy(t -> assertThat(t.apiKey()).isEmpty());
    List<LoggedRequest> sent = stubs.server.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent).hasSizeGreaterThan(2);
    assertThat(sent).allSatisfy(r -> assertThat(r.containsHeader("X-Api-Key")).isFalse());
    assertThat(provider.capabilities())
        .contains(Capability.DIRECT_MODE)
        .doesNotContain(Capability.REDEEM);
  }
}
