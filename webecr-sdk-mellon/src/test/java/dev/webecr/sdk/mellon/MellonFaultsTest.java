package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.webecr.sdk.mellon.WebEcrStubs.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault on every operation. Reads are retried and end well after one fault; creates are sent
 * exactly once and say whether the payment may exist. Each test counts what reached the server.
 */
class MellonFaultsTest {
  private final WebEcrStubs stubs = new WebEcrStubs();
  private final PosProvider provider = stubs.provider();
  private final Terminal terminal = stubs.terminal();

  @AfterEach
  void stop() {
    provider.close();
    stubs.close();
  }

  /** The faults, each answering the first request. */
  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(
            "reset after the request arrived",
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        Arguments.of("closed with no answer", aResponse().withFault(Fault.EMPTY_RESPONSE)),
        Arguments.of("read timeout", okJson("{}").withFixedDelay(1500)),
        Arguments.of("500", aResponse().withStatus(500).withBody("{\"detail\":\"boom\"}")),
        Arguments.of(
            "503 with Retry-After", aResponse().withStatus(503).withHeader("Retry-After", "2")),
        Arguments.of("429", aResponse().withStatus(429).withHeader("Retry-After", "1")),
        Arguments.of("malformed JSON", okJson("{\"Id\": 77, \"Status\":")),
        Arguments.of(
            "HTML error page",
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad Gateway</body></html>")),
        Arguments.of("empty body", aResponse().withStatus(200)));
  }

  /** One read operation: its faulted endpoint, what it answers when well, and the call. */
  private static final class Read {
    final Supplier<MappingBuilder> endpoint;
    final String answer;
    final RequestPatternBuilder requests;
    final Consumer<PosProvider> call;

    Read(
        Supplier<MappingBuilder> endpoint,
        String answer,
        RequestPatternBuilder requests,
        Consumer<PosProvider> call) {
      this.endpoint = endpoint;
      this.answer = answer;
      this.requests = requests;
      this.call = call;
    }
  }

  private List<Read> reads() {
    Terminal t = terminal;
    Period day =
        Period.of(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
    return List.of(
        new Read(
            () -> get(urlEqualTo(BASE + "transactionintent/77/")),
            WebEcrStubs.intent(77, 2, null, "R-A1"),
            getRequestedFor(urlEqualTo(BASE + "transactionintent/77/")),
            p ->
                assertThat(p.getAttempt(t, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")).id())
                    .isEqualTo("77")),
        new Read(
            () ->
                get(urlPathEqualTo(BASE + "transactionintent/"))
                    .withQueryParam("CustomerReference", equalTo("R-A1")),
            WebEcrStubs.page(WebEcrStubs.intent(77, 2, null, "R-A1")),
            getRequestedFor(urlPathEqualTo(BASE + "transactionintent/"))
                .withQueryParam("CustomerReference", equalTo("R-A1")),
            p ->
                assertThat(
                        p.findAttempt(
                            t,
                            dev.webecr.sdk.spi.AttemptLookup.ofReference(
                                "R-A1", dev.webecr.sdk.TransactionType.SALE)))
                    .isPresent()),
        new Read(
            () -> get(urlEqualTo(BASE + "terminal/")),
            WebEcrStubs.page("{\"id\":358046,\"TerminalID\":\"64999964\"}"),
            getRequestedFor(urlEqualTo(BASE + "terminal/")),
            p -> assertThat(p.terminals(ApiKey.of(WebEcrStubs.API_KEY))).hasSize(1)),
        new Read(
            () ->
                get(urlPathEqualTo(BASE + "transactionintent/"))
                    .withQueryParam("Timestamp_min", equalTo("2026-11-22T00:00:00Z")),
            WebEcrStubs.page(WebEcrStubs.intent(77, 3, 2, "R-A1")),
            getRequestedFor(urlPathEqualTo(BASE + "transactionintent/"))
                .withQueryParam("Timestamp_min", equalTo("2026-11-22T00:00:00Z")),
            p -> assertThat(p.intents(t, day)).hasSize(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void everyReadRecoversFromOneFaultByRetrying(String name, ResponseDefinitionBuilder fault) {
    stubs.stubIntent(77, WebEcrStubs.intent(77, 2, null, "R-A1"));
    for (Read read : reads()) {
      stubs.server.resetRequests();
      stubs.faultOnce(read.endpoint, fault, okJson(read.answer));

      read.call.accept(provider);

      assertThat(stubs.count(read.requests)).as(read.requests.build().toString()).isEqualTo(2);
    }
  }

  @Test
  void aReadThatKeepsFailingGivesUpAfterItsRetries() {
    stubs.server.stubFor(
        get(urlEqualTo(BASE + "transactionintent/77/")).willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(
            () -> provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")))
        .isInstanceOfSatisfying(
            ProviderRejectedException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(502);
              assertThat(e.isRetryable()).isTrue();
            });
    assertThat(stubs.count(getRequestedFor(urlEqualTo(BASE + "transactionintent/77/"))))
        .isEqualTo(1 + 3);
  }

  @Test
  void retryAfterIsHonouredOnVirtualTime() {
    stubs.faultOnce(
        () -> get(urlEqualTo(BASE + "transactionintent/77/")),
        aResponse().withStatus(503).withHeader("Retry-After", "7"),
        okJson(WebEcrStubs.intent(77, 2, null, "R-A1")));
    Instant before = stubs.clock.instant();

    provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77"));

    assertThat(Duration.between(before, stubs.clock.instant())).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aRetryAfterBeyondTheLimitFailsAtOnce() {
    stubs.server.stubFor(
        get(urlEqualTo(BASE + "transactionintent/77/"))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));

    assertThatThrownBy(
            () -> provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")))
        .isInstanceOf(ProviderRejectedException.class);
    assertThat(stubs.count(getRequestedFor(urlEqualTo(BASE + "transactionintent/77/"))))
        .isEqualTo(1);
  }

  @Test
  void aRejectedReadIsNotRetried() {
    stubs.server.stubFor(
        get(urlEqualTo(BASE + "transactionintent/77/"))
            .willReturn(aResponse().withStatus(400).withBody("{\"detail\":\"Bad request.\"}")));

    assertThatThrownBy(
            () -> provider.getAttempt(terminal, dev.webecr.sdk.spi.AttemptLookup.ofIntentId("77")))
        .isInstanceOfSatisfying(
            ProviderRejectedException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.providerCode()).contains("detail");
            })
        .hasMessageContaining("Bad request.");
    assertThat(stubs.count(getRequestedFor(urlEqualTo(BASE + "transactionintent/77/"))))
        .isEqualTo(1);
  }

  private CreateIntentCommand command(TransactionType kind) {
    CreateIntentCommand.Builder b = CreateIntentCommand.builder();
    b.terminal(terminal).kind(kind).amount(Money.euroCents(2480)).providerReference("R-A1");
    if (kind == TransactionType.VOID) {
      b.original(OriginalTransaction.builder().intentId("70").build());
    } else {
      b.signature(MellonProviderTest.signature(2480));
    }
    return b.build();
  }

  /**
   * Every answer to a create that does not prove it was refused before processing: the read faults,
   * and the statuses a gateway or the backend may give after committing (only a 400 naming request
   * fields is known to come before).
   */
  static Stream<Arguments> createFaults() {
    return Stream.concat(
        faults(),
        Stream.of(
            Arguments.of("408", aResponse().withStatus(408)),
            Arguments.of("409", aResponse().withStatus(409).withBody("{\"detail\":\"conflict\"}")),
            Arguments.of(
                "404", aResponse().withStatus(404).withBody("{\"detail\":\"Not found.\"}")),
            Arguments.of("504 from a gateway", aResponse().withStatus(504).withBody("<html>")),
            Arguments.of(
                "400 with a bare detail",
                aResponse().withStatus(400).withBody("{\"detail\":\"Bad request.\"}"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createFaults")
  void everyCreateIsSentExactlyOnceAndSaysWhetherThePaymentMayExist(
      String name, ResponseDefinitionBuilder fault) {
    for (TransactionType kind : List.of(TransactionType.SALE, TransactionType.VOID)) {
      String path = kind == TransactionType.VOID ? WebEcrStubs.TXNVOID : WebEcrStubs.TXNINIT;
      stubs.server.resetRequests();
      stubs.faultOnce(
          () -> post(urlEqualTo(path)), fault, okJson(WebEcrStubs.intent(77, 1, null, "R-A1")));

      Throwable thrown = catchThrowable(() -> provider.create(command(kind)));

      assertThat(stubs.count(postRequestedFor(urlEqualTo(path)))).isEqualTo(1);
      assertThat(thrown)
          .isInstanceOfSatisfying(
              ConnectionException.class,
              e -> {
                assertThat(e.isOutcomeUnknown()).isTrue();
                assertThat(e.providerReference()).contains("R-A1");
              });
    }
  }

  @Test
  void aCreateThatCannotConnectIsProvablyNotSent() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    PosProvider unreachable =
        MellonProvider.create(
            stubs
                .configBuilder()
                .resourceUrl("http://127.0.0.1:" + closedPort + "/api/v2.2/")
                .build(),
            stubs.clock);

    assertThatThrownBy(() -> unreachable.create(command(TransactionType.SALE)))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse());
    unreachable.close();
  }

  @Test
  void aRejectedCreateSurfacesTheProvidersMessageNotTheBody() {
    stubs.server.stubFor(
        post(urlEqualTo(WebEcrStubs.TXNINIT))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"ProviderData\":[\"This field is required.\"],"
                            + "\"Echo\":\"4111111111111111\"}")));

    assertThatThrownBy(() -> provider.create(command(TransactionType.SALE)))
        .isInstanceOfSatisfying(
            ProviderRejectedException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.providerCode()).contains("Echo");
              assertThat(e.isRetryable()).isFalse();
            })
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(WebEcrStubs.SIGNATURE));
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
