package dev.webecr.sdk.mellon.internal;

import com.squareup.moshi.Moshi;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.okhttp.ConnectionPools;
import dev.webecr.sdk.okhttp.ObservingInterceptor;
import dev.webecr.sdk.spi.PaymentObserver;
import java.time.Clock;
import java.util.function.Supplier;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The WebECR client, put together from OkHttp's and Retrofit's seams: {@link IdentityInterceptor}
 * (who calls, which request, a create's longer read timeout), {@link LoggingInterceptor}, {@link
 * TokenAuth} (the bearer, renewed once on a 401), {@link AnswerConverterFactory} (answers as parsed
 * JSON with their raw body) and {@link WebEcrCallAdapterFactory} (every failure as the SDK's error,
 * creates "outcome unknown" once they may have left).
 *
 * <p>Reads are retried by Failsafe with backoff and jitter on connection errors, 5xx, 429 ({@code
 * Retry-After} honoured) and malformed answers ({@link #read}). Creates are sent once: OkHttp's
 * silent retry is off and Failsafe is not involved.
 */
public final class MellonHttp implements AutoCloseable {
  private final MellonConfig config;
  private final WebEcrApi api;
  private final OkHttpClient client;
  private final ReadRetries retries;
  private final boolean ownsClient;
  private final ObservingInterceptor observing = new ObservingInterceptor(MellonMapper.PROVIDER_ID);

  MellonHttp(MellonConfig config, Clock clock) {
    this.config = config;
    this.ownsClient = config.okHttpClient().isEmpty();
    OkHttpClient.Builder http =
        config
            .okHttpClient()
            .map(OkHttpClient::newBuilder)
            .orElseGet(OkHttpClient.Builder::new)
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout())
            .callTimeout(config.callTimeout())
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .addInterceptor(observing)
            .addNetworkInterceptor(ObservingInterceptor.SENDS)
            .addInterceptor(new IdentityInterceptor(config.applicationName().orElse(null)))
            .addInterceptor(new LoggingInterceptor());
    if (ownsClient) {
      http.connectionPool(ConnectionPools.forPayments());
    }
    HttpUrl base = HttpUrl.get(config.resolvedResourceUrl());
    if (!config.certificatePins().isEmpty()) {
      http.certificatePinner(
          new CertificatePinner.Builder()
              .add(base.host(), config.certificatePins().toArray(new String[0]))
              .build());
    }
    // the token endpoints are called without a bearer; both clients share pool and threads
    OkHttpClient tokenClient = http.build();
    TokenManager tokens = new TokenManager(retrofit(tokenClient), config, clock);
    TokenAuth auth = new TokenAuth(tokens, base);
    this.client = tokenClient.newBuilder().addInterceptor(auth).authenticator(auth).build();
    this.api = retrofit(client);
    this.retries = new ReadRetries(config);
  }

  private WebEcrApi retrofit(OkHttpClient http) {
    return new Retrofit.Builder()
        // the endpoints are parsed when the client is built, not in the first payment after a
        // start (in a fresh JVM its create left 15 ms sooner: CreateDeparture 1, -Dwarm.waves=0)
        .validateEagerly(true)
        .baseUrl(config.resolvedResourceUrl())
        .client(http)
        .addCallAdapterFactory(new WebEcrCallAdapterFactory(config.callTimeout()))
        .addConverterFactory(new AnswerConverterFactory())
        .addConverterFactory(MoshiConverterFactory.create(new Moshi.Builder().build())) // bodies
        .build()
        .create(WebEcrApi.class);
  }

  /** Tells {@code observer} of every request from now on. */
  void observe(PaymentObserver observer) {
    observing.observe(observer);
  }

  /** WebECR's calls; those marked {@link WebEcrApi.SentOnce} go straight through it. */
  /** Connections the client keeps open for its next calls (tests). */
  int idleConnections() {
    return client.connectionPool().idleConnectionCount();
  }

  WebEcrApi api() {
    return api;
  }

  /**
   * A read, retried as the class says: {@code call} makes one attempt (with facts of its own, so
   * each attempt has its own request id).
   */
  Answer read(Supplier<Answer> call) {
    RuntimeException first;
    try {
      return call.get();
    } catch (RuntimeException e) {
      first = e;
    }
    if (config.maxReadRetries() == 0 || !retries.retryable(first)) {
      throw WebEcrAnswers.publicError("WebECR", first);
    }
    return retries.retried("WebECR", call, retries.delayBefore(first, 1));
  }

  @Override
  public void close() {
    retries.close();
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
