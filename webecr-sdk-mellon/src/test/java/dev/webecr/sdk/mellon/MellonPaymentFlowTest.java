package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.webecr.sdk.mellon.WebEcrStubs.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.VirtualTimeScheduler;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.spi.SigningRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole payments through PosClient and the Mellon provider against WireMock. */
class MellonPaymentFlowTest {
  private final WebEcrStubs stubs = new WebEcrStubs();
  private final PosProvider provider = stubs.provider();
  private final List<String> signatures = new CopyOnWriteArrayList<>();
  private final PaymentSigner signer =
      new PaymentSigner() {
        @Override
        public ProviderSignature sign(SigningRequest r) {
          return MellonProviderTest.signature(r.amount().minorUnits());
        }

        @Override
        public void onOutcome(SigningRequest r, SignatureOutcome outcome) {
          signatures.add(r.providerReference() + "=" + outcome);
        }
      };
  private final PosClient client =
      PosClient.builder()
          .provider(provider)
          .journal(Journals.inMemory())
          .signer(signer)
          .clock(stubs.clock)
          .scheduler(new VirtualTimeScheduler(stubs.clock))
          .executor(Runnable::run)
          .build();

  @AfterEach
  void stop() {
    client.close();
    provider.close();
    stubs.close();
  }

  private void stubApprovedAfterTwoPolls(String reference) {
    stubs.stubIntentSequence(
        77,
        WebEcrStubs.intent(77, 2, null, reference),
        WebEcrStubs.intent(77, 2, null, reference),
        WebEcrStubs.intent(77, 3, 1, reference));
    stubs.stubTransactions(WebEcrStubs.page(WebEcrStubs.transaction(reference, true)));
  }

  @Test
  void pairSignCreatePollApproved() {
    stubs.stubRedeem();
    stubs.stubTerminals();
    stubs.stubCreate(WebEcrStubs.intent(77, 1, null, "INV-1-A1"));
    stubApprovedAfterTwoPolls("INV-1-A1");

    ApiKey key = client.pair("12345678");
    Terminal terminal = client.terminals(key).get(0);
    PaymentIntent paid =
        client.pay(
            PaymentRequest.builder()
                .terminal(terminal)
                .amount(Money.euroCents(2480))
                .reference("INV-1")
                .build());

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.rrn()).contains("012345678901");
    assertThat(paid.authorisationCode()).contains("0A1B2C");
    assertThat(paid.myDataPayment())
        .get()
        .satisfies(
            m -> {
              assertThat(m.tid()).isEqualTo(WebEcrStubs.TID);
              assertThat(m.transactionId()).contains("075121702285176315144");
              assertThat(m.signingAuthor()).contains("800123456"); // not ProviderId 8
            });
    assertThat(signatures).containsExactly("INV-1-A1=USED");
    assertThat(stubs.count(postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT)))).isEqualTo(1);
    assertThat(stubs.count(getRequestedFor(urlEqualTo(BASE + "transactionintent/77/"))))
        .isEqualTo(3);
  }

  @Test
  void createWhoseAnswerIsLostIsFoundByReferenceAndNeverSentTwice() {
    stubs.server.stubFor(
        post(urlEqualTo(WebEcrStubs.TXNINIT))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubs.stubListedAfterTheCreate(
        "INV-2-A1", WebEcrStubs.page(WebEcrStubs.intent(77, 2, null, "INV-2-A1")));
    stubApprovedAfterTwoPolls("INV-2-A1");

    PaymentIntent paid =
        client.pay(
            PaymentRequest.builder()
                .terminal(stubs.terminal())
                .amount(Money.euroCents(2480))
                .reference("INV-2")
                .build());

    assertThat(paid.isApproved()).isTrue();
    assertThat(stubs.count(postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT)))).isEqualTo(1);
  }

  @Test
  void noSecretReachesAnyLogLineAtTrace() {
    CapturedLogs.LINES.clear();
    stubs.stubRedeem();
    stubs.stubTerminals();
    stubs.server.stubFor(
        post(urlEqualTo(WebEcrStubs.TXNINIT))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubs.stubListedAfterTheCreate(
        "INV-3-A1", WebEcrStubs.page(WebEcrStubs.intent(77, 2, null, "INV-3-A1")));
    stubApprovedAfterTwoPolls("INV-3-A1");

    Terminal terminal = client.terminals(client.pair("12345678")).get(0);
    client.pay(
        PaymentRequest.builder()
            .terminal(terminal)
            .amount(Money.euroCents(2480))
            .reference("INV-3")
            .build());

    List<String> ours =
        CapturedLogs.LINES.stream()
            .filter(l -> l.contains(" dev.webecr."))
            .collect(java.util.stream.Collectors.toList());
    assertThat(ours).isNotEmpty();
    assertThat(ours).anySatisfy(l -> assertThat(l).contains("txninit"));
    for (String secret :
        List.of(
            WebEcrStubs.PASSWORD,
            WebEcrStubs.API_KEY,
            stubs.access,
            stubs.refresh,
            WebEcrStubs.SIGNATURE,
            "SECRET",
            "12345678")) {
      assertThat(ours).noneSatisfy(l -> assertThat(l).contains(secret));
    }
  }
}
