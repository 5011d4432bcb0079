package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.SdkVersion;
import dev.webecr.sdk.spi.PosProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every request says which SDK and ERP sent it, and every error quotes the request's id. */
class MellonIdentityTest {
  private final WebEcrStubs stubs = new WebEcrStubs();
  private final PosProvider provider =
      MellonProvider.create(
          stubs.configBuilder().applicationName("Test ERP/1.0").build(), stubs.clock);

  @AfterEach
  void stop() {
    provider.close();
    stubs.close();
  }

  @Test
  void requestsNameTheSdkAndTheErpAndErrorsQuoteTheRequestId() {
    stubs.server.stubFor(
        get(urlEqualTo(WebEcrStubs.BASE + "transactionintent/7/"))
            .willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"Not found.\"}")));
    stubs.server.stubFor( // the list it falls back on fails too: the error names that request
        get(urlPathEqualTo(WebEcrStubs.BASE + "transactionintent/"))
            .willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"Not found.\"}")));

    Throwable error =
        catchThrowable(
            () ->
                provider.getAttempt(
                    stubs.terminal(), dev.webecr.sdk.spi.AttemptLookup.ofIntentId("7")));

    List<LoggedRequest> sent = stubs.server.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.getHeader("User-Agent"))
                  .isEqualTo(
                      "webecr-sdk/"
                          + SdkVersion.get()
                          + " mellon/"
                          + SdkVersion.get()
                          + " (Java "
                          + System.getProperty("java.version")
                          + ") Test ERP/1.0");
              assertThat(r.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
            });
    assertThat(sent).extracting(r -> r.getHeader("X-Request-Id")).doesNotHaveDuplicates();
    // the read fell back to the filtered list after the 404: the error quotes the last request
    String last =
        stubs
            .server
            .getAllServeEvents()
            .get(0)
            .getRequest() // newest first
            .getHeader("X-Request-Id");
    assertThat(error)
        .isInstanceOf(ProviderRejectedException.class)
        .hasMessageContaining("[request " + last + "]");
    assertThat(((PosException) error).requestId()).contains(last);
    assertThat(SdkVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*"); // filtered in by the build
  }

  @Test
  void theServersOwnRequestIdIsPreferredWhenItSendsOne() {
    stubs.server.stubFor(
        get(urlEqualTo(WebEcrStubs.BASE + "terminal/"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("X-Request-Id", "srv-42")
                    .withBody("{\"detail\":\"Bad request.\"}")));

    Throwable error = catchThrowable(() -> provider.terminals(ApiKey.of(WebEcrStubs.API_KEY)));

    assertThat(error)
        .isInstanceOfSatisfying(
            ProviderRejectedException.class,
            e -> {
              assertThat(e.requestId()).contains("srv-42");
              assertThat(e).hasMessageEndingWith("[request srv-42]");
            });
  }

  @Test
  void anAnswerThatNeverCameStillNamesTheRequestThatWasSentAndTheDebugLineToo() {
    CapturedLogs.LINES.clear();
    stubs.server.stubFor(
        get(urlEqualTo(WebEcrStubs.BASE + "terminal/"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Throwable error = catchThrowable(() -> provider.terminals(ApiKey.of(WebEcrStubs.API_KEY)));

    String last = stubs.server.getAllServeEvents().get(0).getRequest().getHeader("X-Request-Id");
    assertThat(error)
        .isInstanceOfSatisfying(
            ConnectionException.class,
            e -> {
              assertThat(e.requestId()).contains(last);
              assertThat(e).hasMessageContaining("[request " + last + "]");
            });
    assertThat(CapturedLogs.LINES)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("GET " + WebEcrStubs.BASE + "terminal/")
                    .contains("[request " + last + "]")
                    .as("the request id in the MDC while the request runs")
                    .contains("webecr.request_id=" + last));
    assertThat(org.slf4j.MDC.get("webecr.request_id")).as("and gone after it").isNull();
  }

  @Test
  void anApplicationNameThatCannotGoIntoAHeaderIsRefusedNamingIt() {
    assertThatThrownBy(() -> stubs.configBuilder().applicationName("ERP\nInjected: 1").build())
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("applicationName"));
  }
}
