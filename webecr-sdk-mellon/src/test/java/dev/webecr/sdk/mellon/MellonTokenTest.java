package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.webecr.sdk.mellon.WebEcrStubs.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.PairingRevokedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MellonTokenTest {
  private static final String INTENT = BASE + "transactionintent/77/";
  private final WebEcrStubs stubs = new WebEcrStubs();
  private final PosProvider provider = stubs.provider();
  private final Terminal terminal = stubs.terminal();

  @AfterEach
  void stop() {
    provider.close();
    stubs.close();
  }

  @Test
  void theTokenIsFetchedOnceAndReused() {
    stubs.stubIntent(77, WebEcrStubs.intent(77, 2, null, "R-A1"));

    provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"));
    provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"));

    assertThat(stubs.count(postRequestedFor(urlEqualTo("/api/token/")))).isEqualTo(1);
  }

  @Test
  void aTokenCloseToItsExpiryIsRefreshedWithTheRefreshToken() {
    stubs.stubToken(WebEcrStubs.jwt(stubs.clock.instant().plus(Duration.ofMinutes(10))));
    String renewed = WebEcrStubs.jwt(stubs.clock.instant().plus(Duration.ofHours(2)));
    stubs.server.stubFor(
        post(urlEqualTo("/api/token/refresh/"))
            .withRequestBody(equalToJson("{\"refresh\":\"" + stubs.refresh + "\"}"))
            .willReturn(okJson("{\"access\":\"" + renewed + "\"}")));
    stubs.stubIntent(77, WebEcrStubs.intent(77, 2, null, "R-A1"));

    provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"));
    stubs.clock.advance(Duration.ofMinutes(9)); // within a minute of expiry
    provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"));

    assertThat(stubs.count(postRequestedFor(urlEqualTo("/api/token/refresh/")))).isEqualTo(1);
    assertThat(
            stubs.count(
                getRequestedFor(urlEqualTo(INTENT))
                    .withHeader("Authorization", equalTo("Bearer " + renewed))))
        .isEqualTo(1);
  }

  @Test
  void aFailedRefreshLogsInAgain() {
    stubs.stubToken(WebEcrStubs.jwt(stubs.clock.instant().plus(Duration.ofSeconds(30))));
    stubs.server.stubFor(
        post(urlEqualTo("/api/token/refresh/")).willReturn(aResponse().withStatus(401)));
    stubs.stubIntent(77, WebEcrStubs.intent(77, 2, null, "R-A1"));

    provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"));
    provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"));

    assertThat(stubs.count(postRequestedFor(urlEqualTo("/api/token/")))).isEqualTo(2);
  }

  @Test
  void a401RenewsTheTokenOnceAndRepeatsTheCall() {
    stubs.server.stubFor(
        post(urlEqualTo("/api/token/refresh/"))
            .willReturn(
                okJson(
                    "{\"access\":\""
                        + WebEcrStubs.jwt(stubs.clock.instant().plus(Duration.ofHours(1)))
                        + "x\"}")));
    stubs.faultOnce(
        () -> get(urlEqualTo(INTENT)),
        aResponse().withStatus(401),
        okJson(WebEcrStubs.intent(77, 2, null, "R-A1")));

    assertThat(
            provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")).id())
        .isEqualTo("77");

    assertThat(stubs.count(getRequestedFor(urlEqualTo(INTENT)))).isEqualTo(2);
    assertThat(stubs.count(postRequestedFor(urlEqualTo("/api/token/refresh/")))).isEqualTo(1);
  }

  @Test
  void a401AfterRenewalMeansThePairingWasRevoked() {
    stubs.server.stubFor(
        post(urlEqualTo("/api/token/refresh/")).willReturn(okJson("{\"access\":\"other\"}")));
    stubs.server.stubFor(get(urlEqualTo(INTENT)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(
            () -> provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")))
        .isInstanceOfSatisfying(
            PairingRevokedException.class, e -> assertThat(e.tid()).isEqualTo(WebEcrStubs.TID))
        .hasMessageContaining("pair it again");
    assertThat(stubs.count(getRequestedFor(urlEqualTo(INTENT)))).isEqualTo(2);
  }

  @Test
  void a403MeansThePairingWasRevoked() {
    stubs.server.stubFor(get(urlEqualTo(INTENT)).willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(
            () -> provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")))
        .isInstanceOf(PairingRevokedException.class);
    assertThat(stubs.count(getRequestedFor(urlEqualTo(INTENT)))).isEqualTo(1);
  }

  @Test
  void aRefusedLoginIsAnAuthenticationErrorWithoutThePassword() {
    stubs.server.stubFor(
        post(urlEqualTo("/api/token/"))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"detail\":\"No active account found\"}")));

    assertThatThrownBy(
            () -> provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")))
        .isInstanceOf(AuthenticationException.class)
        .isNotInstanceOf(PairingRevokedException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(WebEcrStubs.PASSWORD));
  }

  @Test
  void a401OnACreateIsRenewedAndSentAgainBecauseItWasNeverProcessed() {
    stubs.server.stubFor(
        post(urlEqualTo("/api/token/refresh/")).willReturn(okJson("{\"access\":\"other\"}")));
    stubs.faultOnce(
        () -> post(urlEqualTo(WebEcrStubs.TXNINIT)),
        aResponse().withStatus(401),
        okJson(WebEcrStubs.intent(77, 1, null, "R-A1")));

    provider.create(
        dev.webecr.sdk.spi.CreateIntentCommand.builder()
            .terminal(terminal)
            .kind(dev.webecr.sdk.TransactionType.SALE)
            .amount(dev.webecr.sdk.Money.euroCents(2480))
            .providerReference("R-A1")
            .signature(MellonProviderTest.signature(2480))
            .build());

    assertThat(stubs.count(postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT)))).isEqualTo(2);
  }

  @Test
  void a401OnACreateWhoseTokenCannotBeRenewedFailsWithTheOutcomeKnownAndIsNotSentAgain() {
    stubs.server.stubFor(
        post(urlEqualTo("/api/token/refresh/")).willReturn(aResponse().withStatus(503)));
    stubs.server.stubFor(
        post(urlEqualTo(WebEcrStubs.TXNINIT)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(
            () ->
                provider.create(
                    dev.webecr.sdk.spi.CreateIntentCommand.builder()
                        .terminal(terminal)
                        .kind(dev.webecr.sdk.TransactionType.SALE)
                        .amount(dev.webecr.sdk.Money.euroCents(2480))
                        .providerReference("R-A1")
                        .signature(MellonProviderTest.signature(2480))
                        .build()))
        .isInstanceOf(dev.webecr.sdk.ProviderRejectedException.class)
        .isNotInstanceOf(dev.webecr.sdk.ConnectionException.class)
        .satisfies(e -> assertThat(((dev.webecr.sdk.PosException) e).requestId()).isPresent());
    // WebECR answered the only create it got with 401: never processed, and not sent again
    assertThat(stubs.count(postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT)))).isEqualTo(1);
  }

  @Test
  void a401ForATokenOurClockSaysHasExpiredAgainIsRenewedNotTakenForARevokedPairing() {
    // every token the endpoints give is already past its exp by our clock (a clock that jumped)
    String stale = WebEcrStubs.jwt(stubs.clock.instant().minus(Duration.ofMinutes(1)));
    stubs.stubToken(stale);
    stubs.server.stubFor(
        post(urlEqualTo("/api/token/refresh/"))
            .willReturn(okJson("{\"access\":\"" + stale + "\"}")));
    stubs.server.stubFor(
        get(urlEqualTo(INTENT))
            .inScenario("expired")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("once"));
    stubs.server.stubFor(
        get(urlEqualTo(INTENT))
            .inScenario("expired")
            .whenScenarioStateIs("once")
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("twice"));
    stubs.server.stubFor(
        get(urlEqualTo(INTENT))
            .inScenario("expired")
            .whenScenarioStateIs("twice")
            .willReturn(okJson(WebEcrStubs.intent(77, 2, null, "R-A1"))));

    assertThat(
            provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")).id())
        .isEqualTo("77");
    assertThat(stubs.count(getRequestedFor(urlEqualTo(INTENT)))).isEqualTo(3);
  }
}
