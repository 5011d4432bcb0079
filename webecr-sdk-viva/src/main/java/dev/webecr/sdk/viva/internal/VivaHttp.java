package dev.webecr.sdk.viva.internal;

import com.squareup.moshi.Moshi;
import dev.webecr.sdk.viva.VivaConfig;
import java.time.Clock;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The Viva client, put together on OkHttp's and Retrofit's seams: {@link VivaTokens} puts the
 * bearer on, {@link VivaCalls} turns a call without an answer into the SDK's error, Moshi writes
 * the bodies. OkHttp's silent retry is off: no POST ever leaves twice. A read whose token Viva no
 * longer takes is repeated once with a new one ({@link #read}); a POST never is.
 */
final class VivaHttp implements AutoCloseable {
  private final OkHttpClient client;
  private final VivaApi api;
  final VivaTokens tokens;

  VivaHttp(VivaConfig config, Clock clock) {
    OkHttpClient plain =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout())
            .callTimeout(config.callTimeout())
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
    this.tokens = new VivaTokens(retrofit(plain, config), config, clock);
    this.client = plain.newBuilder().addInterceptor(tokens).build();
    this.api = retrofit(client, config);
  }

  private static VivaApi retrofit(OkHttpClient http, VivaConfig config) {
    return new Retrofit.Builder()
        .baseUrl(config.resolvedApiUrl())
        .client(http)
        .addCallAdapterFactory(new VivaCalls())
        .addConverterFactory(MoshiConverterFactory.create(new Moshi.Builder().build()))
        .build()
        .create(VivaApi.class);
  }

  VivaApi api() {
    return api;
  }

  /** A read; repeated once with a new token when Viva no longer took the one it carried. */
  VivaAnswer read(Supplier<VivaAnswer> call) {
    VivaAnswer a = call.get();
    if (a.tokenRefused()) {
      tokens.invalidate();
      a = call.get();
    }
    return a;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
