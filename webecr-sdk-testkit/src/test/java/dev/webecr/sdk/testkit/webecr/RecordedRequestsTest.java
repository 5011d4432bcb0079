package dev.webecr.sdk.testkit.webecr;

import static dev.webecr.sdk.testkit.webecr.FakeWebEcrAssert.assertThatFake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.testkit.TestSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the SDK sent, as the fake recorded it: for tests that check the wire, secrets redacted. */
class RecordedRequestsTest {
  private final VirtualTill till = new VirtualTill("2026-12-07T09:00:00Z");

  @AfterEach
  void stop() {
    till.close();
  }

  private void pay(String reference) {
    Terminal t = till.terminal(FakeTerminals.APPROVING_TID);
    till.client.pay(
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(2480))
            .reference(reference)
            .build());
  }

  @Test
  void theCreateCarriesTheReferenceTheAmountAndTheSignatureAsTheSignerGaveIt() {
    pay("RR-1");

    assertThatFake(till.server)
        .receivedCreates(1)
        .receivedCreate()
        .withReference("RR-1-A1")
        .withAmount(2480)
        .withHeader("Authorization", "****")
        .withProviderData(
            p ->
                assertThat(p)
                    .containsEntry("ProviderId", TestSigner.PROVIDER_ID)
                    .containsKey("Signature"));
    RecordedRequest create = till.server.requests(Endpoint.TXNINIT).get(0);
    assertThat(create.header("X-Api-Key")).contains("****");
    assertThat(create.path()).endsWith("/txninit/");
    assertThat(create.toString()).doesNotContain("Signature").startsWith("POST ");
  }

  @Test
  void requestsAreTakenInTheOrderTheyCameAndOnlyOnce() {
    pay("RR-2");

    assertThat(till.server.takeRequest())
        .get()
        .extracting(RecordedRequest::endpoint)
        .isEqualTo(Endpoint.TOKEN);
    RecordedRequest next;
    int taken = 1;
    while ((next = till.server.takeRequest().orElse(null)) != null) {
      taken++;
      assertThat(next.at()).isBeforeOrEqualTo(till.clock.instant());
    }
    assertThat(taken).isEqualTo(till.server.recordedRequests().size());
    assertThat(till.server.takeRequest()).isEmpty();
  }

  @Test
  void aWrongExpectationFailsNamingWhatWasSentNeverTheSignature() {
    pay("RR-3");

    assertThatThrownBy(() -> assertThatFake(till.server).receivedCreate().withReference("RR-9-A1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RR-3-A1")
        .hasMessageNotContaining("ZmFrZS1zaWduYXR1cmU");
    assertThatThrownBy(() -> assertThatFake(till.server).received(Endpoint.TXNVOID))
        .hasMessageContaining("none");
  }
}
