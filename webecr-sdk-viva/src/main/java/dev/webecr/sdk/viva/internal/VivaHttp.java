package dev.webecr.sdk.viva.internal;

import com.squareup.moshi.Moshi;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.okhttp.ConnectionPools;
import dev.webecr.sdk.okhttp.ObservingInterceptor;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.viva.VivaConfig;
import dev.webecr.sdk.viva.VivaProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The Viva client, put together on OkHttp's and Retrofit's seams: {@link VivaTokens} puts the
 * bearer on, {@link VivaCalls} turns a call without an answer into the SDK's error, Moshi writes
 * the bodies. OkHttp's silent retry is off: no POST ever leaves twice. A read whose token Viva no
 * longer takes is repeated once with a new one, and a read answered 429 once after the {@code
 * Retry-After} it asked for ({@link #read}); a POST never is.
 */
final class VivaHttp implements AutoCloseable {
  /**
   * The longest {@code Retry-After} waited out in a read; a longer one is the caller's to handle.
   */
  private static final long MAX_RETRY_AFTER_SECONDS = 5;

  private final OkHttpClient client;
  private final VivaApi api;
  private final ScheduledExecutorService waits;
  private final boolean ownsWaits;
  private final ReadPacing pacing;
  private final AccountPacing account;
  final VivaTokens tokens;
  private final ObservingInterceptor observing = new ObservingInterceptor(VivaProvider.ID);

  VivaHttp(VivaConfig config, Clock clock) {
    OkHttpClient plain =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout())
            .callTimeout(config.callTimeout())
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .connectionPool(ConnectionPools.forPayments())
            .addInterceptor(observing)
            .addNetworkInterceptor(ObservingInterceptor.SENDS)
            .build();
    this.tokens = new VivaTokens(retrofit(plain, config), config, clock);
    OkHttpClient.Builder api = plain.newBuilder().addInterceptor(tokens);
    if (config.isvMerchantId().isPresent()) {
      api.addInterceptor(VivaHttp::isvScheme);
    }
    this.client = api.build();
    this.api = retrofit(client, config);
    this.pacing = new ReadPacing(clock);
    this.account = new AccountPacing(clock, config.maxRequestsPerSecond());
    this.ownsWaits = config.retryScheduler().isEmpty();
    this.waits =
        config
            .retryScheduler()
            .orElseGet(
                () ->
                    Executors.newSingleThreadScheduledExecutor(
                        r -> {
                          Thread t = new Thread(r, "webecr-viva-retry");
                          t.setDaemon(true);
                          return t;
                        }));
  }

  private static VivaApi retrofit(OkHttpClient http, VivaConfig config) {
    return new Retrofit.Builder()
        // endpoints parsed when the client is built, not in the first payment after a start
        .validateEagerly(true)
        .baseUrl(config.resolvedApiUrl())
        .client(http)
        .addCallAdapterFactory(new VivaCalls())
        .addConverterFactory(MoshiConverterFactory.create(new Moshi.Builder().build()))
        .build()
        .create(VivaApi.class);
  }

  /** §2: the ISV scheme's paths are the merchant scheme's under another root. */
  private static okhttp3.Response isvScheme(okhttp3.Interceptor.Chain chain)
      throws java.io.IOException {
    okhttp3.Request r = chain.request();
    String path = r.url().encodedPath();
    int at = path.indexOf(VivaApi.MERCHANT_ROOT); // after any path of the configured API URL
    if (at < 0) {
      return chain.proceed(r);
    }
    String isv =
        path.substring(0, at)
            + VivaApi.ISV_ROOT
            + path.substring(at + VivaApi.MERCHANT_ROOT.length());
    return chain.proceed(r.newBuilder().url(r.url().newBuilder().encodedPath(isv).build()).build());
  }

  VivaApi api() {
    return api;
  }

  /**
   * A read; repeated once with a new token when Viva no longer took the one it carried, and once
   * after the wait a 429 asked for (§15: Viva's limits are not published).
   */
  VivaAnswer read(Supplier<VivaAnswer> call) {
    VivaAnswer a = paced(call);
    if (a.tokenRefused()) {
      tokens.invalidate();
      a = paced(call);
    }
    if (a.code == 429
        && a.retryAfterSeconds >= 0
        && a.retryAfterSeconds <= MAX_RETRY_AFTER_SECONDS
        && waited(Duration.ofSeconds(a.retryAfterSeconds))) {
      a = paced(call);
    }
    return a;
  }

  /** {@code call}, once the account's request slot has come (a POST too: it waits, then leaves). */
  VivaAnswer paced(Supplier<VivaAnswer> call) {
    Duration wait = account.reserve();
    if (!wait.isZero() && !waited(wait)) {
      throw new ConnectionException(
          "interrupted while waiting for the account's request slot; nothing was sent",
          false,
          null,
          null);
    }
    return call.get();
  }

  /** A read of session {@code sessionId}, no sooner than a second after the last one. */
  VivaAnswer readSession(String sessionId, Supplier<VivaAnswer> call) {
    Duration wait = pacing.waitFor(sessionId);
    if (!wait.isZero()) {
      waited(wait);
    }
    return read(
        () -> {
          pacing.leaving(sessionId); // after the account's slot: when it really leaves
          return call.get();
        });
  }

  /** False when the wait was interrupted (the 429 is then the answer). */
  private boolean waited(Duration wait) {
    try {
      waits.schedule(() -> {}, wait.toMillis(), TimeUnit.MILLISECONDS).get();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | RejectedExecutionException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (ownsWaits) {
      waits.shutdownNow();
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** Tells {@code observer} of every request from now on. */
  void observe(PaymentObserver observer) {
    observing.observe(observer);
  }
}
