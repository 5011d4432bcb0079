package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.SigningRequest;
import dev.webecr.sdk.testkit.TestSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A document series that needs no signature is paid without one, only when the request says so: the
 * signer is not asked, and the same client still signs every other payment.
 */
class UnsignedSeriesTest {
  private final List<String> signed = new ArrayList<>();
  private final TestSigner testSigner =
      new TestSigner(
          java.time.Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), java.time.ZoneOffset.UTC));
  private final PaymentSigner countingSigner =
      new PaymentSigner() {
        @Override
        public ProviderSignature sign(SigningRequest r) {
          signed.add(r.providerReference());
          return testSigner.sign(r);
        }
      };
  private final VirtualTill virtual =
      new VirtualTill("2026-11-26T09:00:00Z", m -> m, c -> c.signer(countingSigner));
  private final FakeWebEcrServer server = virtual.server;
  private final PosClient client = virtual.client;
  private final Terminal till = client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).get(0);

  @AfterEach
  void stop() {
    virtual.close();
  }

  @Test
  void anUnsignedSeriesIsPaidWithoutAskingTheSignerAndOthersAreStillSigned() {
    PaymentIntent receipt =
        client.pay(
            PaymentRequest.builder()
                .terminal(till)
                .amount(Money.euroCents(450))
                .reference("RCPT-B-0001")
                .unsignedSeries(true)
                .build());
    PaymentIntent invoice =
        client.pay(
            PaymentRequest.builder()
                .terminal(till)
                .amount(Money.euroCents(2480))
                .reference("INV-A-0001")
                .build());

    assertThat(receipt.isApproved()).isTrue();
    assertThat(receipt.signature()).isEmpty();
    assertThat(receipt.myDataPayment().orElseThrow().signingAuthor()).isEmpty();
    assertThat(invoice.signature()).isPresent();
    assertThat(signed).containsExactly("INV-A-0001-A1");
  }
}
