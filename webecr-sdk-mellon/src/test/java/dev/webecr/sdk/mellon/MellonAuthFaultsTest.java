package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.webecr.sdk.mellon.WebEcrStubs.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Faults on the two calls the fault matrix of reads and creates leaves: redeem and token. */
class MellonAuthFaultsTest {
  private static final String REDEEM = BASE + "authorization/redeem/";
  private final WebEcrStubs stubs = new WebEcrStubs();
  private final PosProvider provider = stubs.provider();

  @AfterEach
  void stop() {
    provider.close();
    stubs.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.webecr.sdk.mellon.MellonFaultsTest#faults")
  void redeemIsSentOnceAndAFaultSaysTheCodeMayBeUsedUp(
      String name, ResponseDefinitionBuilder fault) {
    stubs.faultOnce(
        () -> post(urlEqualTo(REDEEM)),
        fault,
        okJson("{\"Id\":\"" + WebEcrStubs.API_KEY + "\",\"Type\":\"webecr\"}"));

    assertThatThrownBy(() -> provider.redeem("12345678"))
        .isInstanceOf(PosException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("12345678"));
    assertThat(stubs.count(postRequestedFor(urlEqualTo(REDEEM)))).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.webecr.sdk.mellon.MellonFaultsTest#faults")
  void aTokenFaultDuringAReadIsRetriedWithTheRead(String name, ResponseDefinitionBuilder fault) {
    stubs.faultOnce(
        () -> post(urlEqualTo("/api/token/")),
        fault,
        okJson("{\"access\":\"" + stubs.access + "\",\"refresh\":\"r\"}"));
    stubs.stubIntent(77, WebEcrStubs.intent(77, 2, null, "R-A1"));

    assertThat(
            provider
                .getAttempt(stubs.terminal(), dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"))
                .id())
        .isEqualTo("77");
    assertThat(stubs.count(postRequestedFor(urlEqualTo("/api/token/")))).isEqualTo(2);
  }

  @Test
  void aTokenFaultBeforeACreateSendsNothingAndSaysSo() {
    stubs.server.stubFor(post(urlEqualTo("/api/token/")).willReturn(aResponse().withStatus(503)));
    stubs.stubCreate(WebEcrStubs.intent(77, 1, null, "R-A1"));

    assertThatThrownBy(
            () ->
                provider.create(
                    CreateIntentCommand.builder()
                        .terminal(stubs.terminal())
                        .kind(TransactionType.SALE)
                        .amount(Money.euroCents(2480))
                        .providerReference("R-A1")
                        .signature(MellonProviderTest.signature(2480))
                        .build()))
        .isInstanceOfSatisfying(
            PosException.class,
            e ->
                assertThat(
                        e instanceof ConnectionException
                            && ((ConnectionException) e).isOutcomeUnknown())
                    .isFalse())
        .isInstanceOf(ProviderRejectedException.class);
    assertThat(stubs.count(postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT)))).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"{\"refresh\":\"r\"}", "[1,2]", "<html>", "{\"access\": 12"})
  void aMalformedTokenAnswerSurfacesAsAPublicExceptionType(String body) {
    stubs.server.stubFor(post(urlEqualTo("/api/token/")).willReturn(okJson(body)));
    stubs.stubIntent(77, WebEcrStubs.intent(77, 2, null, "R-A1"));
    stubs.stubCreate(WebEcrStubs.intent(78, 1, null, "R-A2"));

    Throwable onRead =
        catchThrowable(
            () ->
                provider.getAttempt(
                    stubs.terminal(), dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")));
    Throwable onCreate =
        catchThrowable(
            () ->
                provider.create(
                    CreateIntentCommand.builder()
                        .terminal(stubs.terminal())
                        .kind(TransactionType.SALE)
                        .amount(Money.euroCents(2480))
                        .providerReference("R-A2")
                        .signature(MellonProviderTest.signature(2480))
                        .build()));

    for (Throwable e : java.util.List.of(onRead, onCreate)) {
      assertThat(e).isInstanceOf(PosException.class);
      assertThat(java.lang.reflect.Modifier.isPublic(e.getClass().getModifiers())).isTrue();
      assertThat(e.getClass().getPackageName()).doesNotContain("internal");
    }
    assertThat(
            onCreate instanceof ConnectionException
                && ((ConnectionException) onCreate).isOutcomeUnknown())
        .isFalse(); // nothing was sent
    assertThat(stubs.count(postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT)))).isZero();
  }
}
