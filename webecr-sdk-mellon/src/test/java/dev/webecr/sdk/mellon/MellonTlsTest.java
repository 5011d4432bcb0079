package dev.webecr.sdk.mellon;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over TLS: a caller's own OkHttp client (here one that trusts exactly WireMock's self-signed
 * certificate) and certificate pinning. A wrong pin fails before any request is sent.
 */
class MellonTlsTest {
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().dynamicHttpsPort());
  private final OkHttpClient trusting;
  private final X509Certificate serverCertificate;

  MellonTlsTest() throws Exception {
    server.start();
    server.stubFor(
        post(urlEqualTo("/api/token/"))
            .willReturn(okJson("{\"access\":\"a.b.c\",\"refresh\":\"r\"}")));
    server.stubFor(
        post(urlEqualTo(WebEcrStubs.TXNINIT))
            .willReturn(okJson(WebEcrStubs.intent(77, 1, null, "R-A1"))));
    serverCertificate = fetchCertificate(server.httpsPort());
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("wiremock", serverCertificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    X509TrustManager trustWireMock = (X509TrustManager) tmf.getTrustManagers()[0];
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {trustWireMock}, new SecureRandom());
    trusting =
        new OkHttpClient.Builder()
            .sslSocketFactory(tls.getSocketFactory(), trustWireMock)
            .hostnameVerifier((host, session) -> host.equals("localhost"))
            .build();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String base() {
    return "https://localhost:" + server.httpsPort();
  }

  /** The server's certificate, read with a throwaway trust-all handshake (test setup only). */
  private static X509Certificate fetchCertificate(int port) throws Exception {
    X509TrustManager any =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext probe = SSLContext.getInstance("TLS");
    probe.init(null, new TrustManager[] {any}, new SecureRandom());
    try (SSLSocket socket = (SSLSocket) probe.getSocketFactory().createSocket("localhost", port)) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private String actualPin() {
    return CertificatePinner.pin(serverCertificate);
  }

  private PosProvider provider(String pin) {
    return MellonProvider.create(
        MellonConfig.builder()
            .baseUrl(base())
            .username("u")
            .password("p")
            .okHttpClient(trusting)
            .addCertificatePins(pin)
            .readTimeout(Duration.ofSeconds(2))
            .build());
  }

  private CreateIntentCommand sale() {
    return CreateIntentCommand.builder()
        .terminal(
            Terminal.builder()
                .providerId("mellon")
                .tid(WebEcrStubs.TID)
                .callId(WebEcrStubs.CALL_ID)
                .apiKey(ApiKey.of("k"))
                .build())
        .kind(TransactionType.SALE)
        .amount(Money.euroCents(2480))
        .providerReference("R-A1")
        .signature(MellonProviderTest.signature(2480))
        .build();
  }

  @Test
  void theRightPinAndTheCallersClientWork() throws Exception {
    try (PosProvider p = provider(actualPin())) {
      assertThat(p.create(sale()).id()).isEqualTo("77");
    }
  }

  @Test
  void aWrongPinFailsBeforeAnythingIsSent() throws Exception {
    server.resetRequests();
    try (PosProvider p = provider("sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")) {
      assertThatThrownBy(() -> p.create(sale()))
          .isInstanceOfSatisfying(
              ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse());
    }
    assertThat(
            server
                .countRequestsMatching(postRequestedFor(urlEqualTo(WebEcrStubs.TXNINIT)).build())
                .getCount())
        .isZero();
  }
}
