package dev.webecr.sdk.okhttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.RequestObservation;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Path;

/** What the observers are told of each request: the template, the status, the resends. */
class ObservingInterceptorTest {
  interface Api {
    @GET("terminal/{id}/things/")
    Call<ResponseBody> things(@Path("id") String id);
  }

  private final WireMockServer server =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final ObservingInterceptor observing = new ObservingInterceptor("test");
  private Api api;

  @BeforeEach
  void start() {
    server.start();
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(observing)
            .addNetworkInterceptor(ObservingInterceptor.SENDS)
            // a 401 is answered once with new credentials, as the providers' token auth does
            .authenticator(
                (route, response) ->
                    response.request().header("Authorization") != null
                        ? null
                        : response.request().newBuilder().header("Authorization", "new").build())
            .build();
    api =
        new Retrofit.Builder()
            .baseUrl(server.baseUrl() + "/")
            .client(http)
            .build()
            .create(Api.class);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void observeAll() {
    observing.observe(
        new PaymentObserver() {
          @Override
          public RequestObservation request(
              String provider, String method, String endpoint, String address, int port) {
            return new RequestObservation() {
              @Override
              public void end(int status, String errorType, int resends) {
                seen.add(
                    provider + " " + method + " " + endpoint + " " + status + " " + errorType + " "
                        + resends);
              }
            };
          }
        });
  }

  @Test
  void aRequestAnsweredAfterANewTokenIsOneRequestSentAgainOnceNamedByItsTemplate()
      throws IOException {
    observeAll();
    server.stubFor(
        get(urlEqualTo("/terminal/42/things/"))
            .inScenario("auth")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(401))
            .willSetStateTo("renewed"));
    server.stubFor(
        get(urlEqualTo("/terminal/42/things/"))
            .inScenario("auth")
            .whenScenarioStateIs("renewed")
            .willReturn(aResponse().withStatus(200).withBody("{}")));

    assertThat(api.things("42").execute().code()).isEqualTo(200);

    assertThat(seen).containsExactly("test GET terminal/{id}/things/ 200 null 1");
  }

  @Test
  void aRequestWithoutAnAnswerIsToldWithItsErrorTypeAndNoStatus() {
    observeAll();
    server.stubFor(
        get(urlEqualTo("/terminal/7/things/"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Throwable e = catchThrowable(() -> api.things("7").execute());

    assertThat(e).isInstanceOf(IOException.class);
    assertThat(seen)
        .singleElement()
        .asString()
        .startsWith("test GET terminal/{id}/things/ 0 java.");
  }

  @Test
  void anErrorStatusIsItsErrorTypeAndNothingIsToldBeforeAnObserverIsSet() throws IOException {
    server.stubFor(get(urlEqualTo("/terminal/9/things/")).willReturn(aResponse().withStatus(503)));
    api.things("9").execute().errorBody().close();
    assertThat(seen).isEmpty();

    observeAll();
    api.things("9").execute().errorBody().close();

    assertThat(seen).containsExactly("test GET terminal/{id}/things/ 503 503 0");
  }
}
