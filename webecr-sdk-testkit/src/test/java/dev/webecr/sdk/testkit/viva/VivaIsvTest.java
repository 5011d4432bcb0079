package dev.webecr.sdk.testkit.viva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.UnsupportedCapabilityException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Viva's ISV scheme (viva-cloud-terminal §2, §9, §17 #19–#20, §18 #13): one ISV credential pays for
 * a merchant it names; what ISVs cannot do is refused before anything is sent, and the fake refuses
 * it too when forced.
 */
class VivaIsvTest {
  private static VivaTill isvTill() {
    return new VivaTill(
        b -> b,
        b ->
            b.clientId(FakeVivaServer.ISV_CLIENT_ID)
                .clientSecret(FakeVivaServer.ISV_CLIENT_SECRET)
                .isvMerchantId("merchant-42")
                .isvFeeCents(15),
        b -> b);
  }

  @Test
  void anIsvPaysAndRefundsASaleForTheMerchantItNames() {
    try (VivaTill till = isvTill()) {
      PaymentIntent sale = till.pay(FakeVivaTerminal.APPROVE, 3000, "ISV-1");
      PaymentIntent refund = till.client.refund(sale, Money.euroCents(1000), "ISV-1-CN");

      assertThat(sale.isApproved()).isTrue();
      assertThat(refund.isApproved()).isTrue();
      assertThat(till.fake.posts("ISV-1-A1")).isEqualTo(1);
    }
  }

  @Test
  void anUnreferencedRefundAndAPreAuthorisationAreRefusedBeforeSending() {
    try (VivaTill till = isvTill()) {
      Terminal t = till.terminal(FakeVivaTerminal.APPROVE);

      assertThatThrownBy(
              () ->
                  till.client.pay(
                      PaymentRequest.builder()
                          .terminal(t)
                          .kind(TransactionType.REFUND)
                          .amount(Money.euroCents(500))
                          .reference("ISV-UR")
                          .build()))
          .isInstanceOfSatisfying(
              InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("original"));
      assertThatThrownBy(
              () ->
                  till.client.pay(
                      PaymentRequest.builder()
                          .terminal(t)
                          .kind(TransactionType.PRE_AUTHORISATION)
                          .amount(Money.euroCents(500))
                          .reference("ISV-PA")
                          .build()))
          .isInstanceOf(UnsupportedCapabilityException.class);
      assertThat(till.fake.posts("ISV-UR-A1") + till.fake.posts("ISV-PA-A1")).isZero();
    }
  }

  @Test
  void forcedThroughTheFakeRefusesWhatIsvsCannotDoAndTheMerchantsTokenOnIsvPaths()
      throws Exception {
    try (FakeVivaServer fake = FakeVivaServer.builder().build().start()) {
      RawViva raw = new RawViva(fake);
      String isvToken = raw.token(FakeVivaServer.ISV_CLIENT_ID, FakeVivaServer.ISV_CLIENT_SECRET);
      String merchantToken = raw.token(FakeVivaServer.CLIENT_ID, FakeVivaServer.CLIENT_SECRET);
      String body =
          "{\"sessionId\":\"F-1-A1\",\"terminalId\":\"16000001\",\"cashRegisterId\":\"T\","
              + "\"amount\":500,\"currencyCode\":\"978\",\"isvDetails\":{\"merchantId\":\"m\"}}";

      HttpResponse<String> refused =
          raw.post("ecr/isv/v1/transactions:unreferenced-refund", isvToken, body);
      HttpResponse<String> noDetails =
          raw.post("ecr/isv/v1/transactions:sale", isvToken, body.replace("isvDetails", "x"));
      HttpResponse<String> wrongScheme =
          raw.post("ecr/isv/v1/transactions:sale", merchantToken, body);

      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("not supported");
      assertThat(noDetails.statusCode()).isEqualTo(400);
      assertThat(wrongScheme.statusCode()).isEqualTo(401);
      assertThat(fake.ledger()).isEmpty();
    }
  }
}
