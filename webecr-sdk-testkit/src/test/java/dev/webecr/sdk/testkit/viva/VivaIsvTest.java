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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
      HttpClient http = HttpClient.newHttpClient();
      String isvToken =
          token(http, fake, FakeVivaServer.ISV_CLIENT_ID, FakeVivaServer.ISV_CLIENT_SECRET);
      String merchantToken =
          token(http, fake, FakeVivaServer.CLIENT_ID, FakeVivaServer.CLIENT_SECRET);
      String body =
          "{\"sessionId\":\"F-1-A1\",\"terminalId\":\"16000001\",\"cashRegisterId\":\"T\","
              + "\"amount\":500,\"currencyCode\":\"978\",\"isvDetails\":{\"merchantId\":\"m\"}}";

      HttpResponse<String> refused =
          post(http, fake, "ecr/isv/v1/transactions:unreferenced-refund", isvToken, body);
      HttpResponse<String> noDetails =
          post(
              http,
              fake,
              "ecr/isv/v1/transactions:sale",
              isvToken,
              body.replace("isvDetails", "x"));
      HttpResponse<String> wrongScheme =
          post(http, fake, "ecr/isv/v1/transactions:sale", merchantToken, body);

      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("not supported");
      assertThat(noDetails.statusCode()).isEqualTo(400);
      assertThat(wrongScheme.statusCode()).isEqualTo(401);
      assertThat(fake.ledger()).isEmpty();
    }
  }

  private static String token(HttpClient http, FakeVivaServer fake, String id, String secret)
      throws Exception {
    String basic =
        Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(fake.url() + "connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }

  private static HttpResponse<String> post(
      HttpClient http, FakeVivaServer fake, String path, String token, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(fake.url() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
