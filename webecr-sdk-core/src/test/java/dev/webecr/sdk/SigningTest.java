package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.spi.SigningRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SigningTest {
  private final MutableClock clock =
      new MutableClock(java.time.Instant.parse("2026-02-02T12:00:21Z"));
  private final ScriptedProvider provider =
      new ScriptedProvider(clock, Capability.SIGNATURE_REQUIRED);
  private final Terminal terminal = ScriptedProvider.terminal("12345678");
  private final List<String> outcomes = new CopyOnWriteArrayList<>();
  private String signedTid = "12345678";
  private long signedCents = -1;
  private final List<String> networks = new CopyOnWriteArrayList<>();

  private final PaymentSigner signer =
      new PaymentSigner() {
        @Override
        public ProviderSignature sign(SigningRequest r) {
          long payable = signedCents >= 0 ? signedCents : r.amount().minorUnits();
          networks.add(r.network().orElse("?"));
          return ProviderSignature.of(
              Signatures.input(payable, signedTid), "MEUCIQsecret==", "8", "800123456");
        }

        @Override
        public void onOutcome(SigningRequest r, SignatureOutcome outcome) {
          outcomes.add(r.providerReference() + "=" + outcome);
        }
      };

  private PosClient client() {
    return PosClient.builder()
        .provider(provider)
        .journal(Journals.inMemory())
        .clock(clock)
        .scheduler(new VirtualTimeScheduler(clock))
        .executor(Runnable::run)
        .signer(signer)
        .build();
  }

  @Test
  void approvedPaymentCarriesItsSignatureAndMarksItUsed() {
    PaymentIntent paid = client().pay(ClientFixture.sale(terminal, "INV-1", 24800));

    assertThat(paid.signature()).get().extracting(ProviderSignature::tid).isEqualTo("12345678");
    MyDataPayment mydata = paid.myDataPayment().orElseThrow();
    assertThat(mydata.type()).isEqualTo(7);
    assertThat(mydata.tid()).isEqualTo("12345678");
    assertThat(mydata.signingAuthor()).contains("800123456"); // its own field, not ProviderId 8
    assertThat(outcomes).containsExactly("INV-1-A1=USED");
    // the signer learns the network, whose numbering of e-invoicing providers it must answer in
    assertThat(networks).containsExactly(terminal.providerId());
  }

  @Test
  void declinedPaymentCancelsItsSignatureAndARetryIsSignedAgain() {
    provider.script("12345678", ScriptedProvider.Script.of(IntentResult.DECLINED));
    PosClient client = client();
    client.pay(ClientFixture.sale(terminal, "INV-2", 100));
    client.pay(ClientFixture.sale(terminal, "INV-2", 100));

    assertThat(outcomes).containsExactly("INV-2-A1=CANCELLED", "INV-2-A2=USED");
  }

  @Test
  void signatureForAnotherTerminalIsRejectedBeforeSending() {
    signedTid = "99999999";

    assertThatThrownBy(() -> client().pay(ClientFixture.sale(terminal, "INV-3", 100)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("signature.input.tid"));
    assertThat(provider.creates()).isZero();
  }

  @Test
  void signatureForAnotherAmountIsRejectedBeforeSending() {
    signedCents = 999;

    assertThatThrownBy(() -> client().pay(ClientFixture.sale(terminal, "INV-4", 100)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("signature.input.payable"));
    assertThat(provider.creates()).isZero();
  }

  @Test
  void voidsAreNotSigned() {
    PosClient client = client();
    PaymentIntent sale = client.pay(ClientFixture.sale(terminal, "INV-5", 100));

    PaymentIntent voided = client.voidPayment(sale, "VOID-5");

    assertThat(voided.signature()).isEmpty();
    assertThat(outcomes).containsExactly("INV-5-A1=USED");
  }

  @Test
  void aProviderThatNeedsSignaturesNeedsASigner() {
    assertThatThrownBy(
            () -> PosClient.builder().provider(provider).journal(Journals.inMemory()).build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("signer"));
  }

  @Test
  void signatureNeverLeaksThroughToString() {
    PaymentIntent paid = client().pay(ClientFixture.sale(terminal, "INV-6", 100));

    assertThat(paid.toString()).doesNotContain("MEUCIQsecret").doesNotContain("key-12345678");
    assertThat(paid.myDataPayment().get().toString()).doesNotContain("MEUCIQsecret");
    assertThat(paid.signature().get().toString()).doesNotContain("MEUCIQsecret");
  }
}
