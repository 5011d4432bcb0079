package dev.webecr.sdk.mellon.internal;

import com.squareup.moshi.Moshi;
import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.PairingRevokedException;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.mellon.MellonConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Runs WebECR calls and turns every way they can end into the SDK's errors.
 *
 * <p>Reads are retried by Failsafe with backoff and jitter on connection errors, 5xx, 429 ({@code
 * Retry-After} honoured) and malformed answers. Creates are sent once: OkHttp's silent retry is
 * off, Failsafe is not involved, and any failure after the request may have left is an
 * outcome-unknown {@link ConnectionException}. A 401 renews the token and repeats the call once (a
 * 401 was never processed); a second 401, or a 403, on a call with an API key means the pairing was
 * revoked.
 */
public final class MellonHttp implements AutoCloseable {
  private final MellonConfig config;
  private final WebEcrApi api;
  private final WebEcrApi waitingApi;
  private final OkHttpClient client;
  private final ReadRetries retries;
  private final boolean ownsClient;
  final TokenManager tokens;

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
            .addInterceptor(new IdentityInterceptor(config.applicationName().orElse(null)))
            .addInterceptor(new LoggingInterceptor());
    if (!config.certificatePins().isEmpty()) {
      String host = HttpUrl.get(config.resolvedResourceUrl()).host();
      http.certificatePinner(
          new CertificatePinner.Builder()
              .add(host, config.certificatePins().toArray(new String[0]))
              .build());
    }
    this.client = http.build();
    Duration maxWait = Duration.ofSeconds(MellonWire.MAX_SERVER_WAIT_SECONDS);
    OkHttpClient waiting =
        client
            .newBuilder()
            .readTimeout(config.readTimeout().plus(maxWait))
            .callTimeout(config.callTimeout().plus(maxWait))
            .build();
    Moshi moshi = new Moshi.Builder().build();
    this.api = retrofit(client, moshi).create(WebEcrApi.class);
    this.waitingApi = retrofit(waiting, moshi).create(WebEcrApi.class);
    this.retries = new ReadRetries(config);
    this.tokens = new TokenManager(this, clock);
  }

  private Retrofit retrofit(OkHttpClient http, Moshi moshi) {
    return new Retrofit.Builder()
        .baseUrl(config.resolvedResourceUrl())
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }

  WebEcrApi api() {
    return api;
  }

  WebEcrApi api(Duration serverWait) {
    return serverWait.isZero() ? api : waitingApi;
  }

  WireJson login() {
    WireBodies.Login body = new WireBodies.Login();
    body.username = config.username();
    body.password = config.password();
    return tokenCall(api.token(config.resolvedTokenUrl(), body));
  }

  WireJson refreshToken(String refresh) {
    WireBodies.Refresh body = new WireBodies.Refresh();
    body.refresh = refresh;
    return tokenCall(api.refreshToken(config.resolvedTokenRefreshUrl(), body));
  }

  /**
   * A token call, not retried on its own: it runs inside a read's attempt (whose policy retries it)
   * or before a create (which then fails having sent nothing).
   */
  private WireJson tokenCall(Call<ResponseBody> call) {
    Response<ResponseBody> r = execute(call, false, null);
    try {
      if (r.code() == 400 || r.code() == 401 || r.code() == 403) {
        WebEcrAnswers.close(r);
        throw new AuthenticationException(
            "WebECR refused the integrator login (HTTP "
                + r.code()
                + "): check username and password",
            r.code());
      }
      return WebEcrAnswers.success(r, "token", false, null).json;
    } catch (PosException e) {
      throw namingRequest(e, r);
    }
  }

  /** A read, retried as the class says; {@code tid} names the terminal in pairing errors. */
  Answer read(String what, String tid, Function<String, Call<ResponseBody>> call) {
    java.util.function.Supplier<Answer> attempt = () -> authorised(what, tid, call, false, null);
    RuntimeException first;
    try {
      return attempt.get();
    } catch (RuntimeException e) {
      first = e;
    }
    if (config.maxReadRetries() == 0 || !retries.retryable(first)) {
      throw WebEcrAnswers.publicError(what, first);
    }
    return retries.retried(what, attempt, retries.delayBefore(first, 1));
  }

  /**
   * A create, sent once. {@code providerReference} goes into outcome-unknown errors so the client
   * can look the intent up.
   */
  Answer send(
      String what,
      String tid,
      String providerReference,
      Function<String, Call<ResponseBody>> call) {
    return authorised(what, tid, call, true, providerReference);
  }

  /**
   * {@link #send} of a create that asks WebECR to wait {@code serverWait} for the terminal: its
   * call timeout is the configured one plus that wait, no more (the settle window counts from it).
   */
  Answer send(
      String what,
      String tid,
      String providerReference,
      Duration serverWait,
      Function<String, Call<ResponseBody>> call) {
    long millis = config.callTimeout().plus(serverWait).toMillis();
    return send(
        what,
        tid,
        providerReference,
        bearer -> {
          Call<ResponseBody> c = call.apply(bearer);
          c.timeout().timeout(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
          return c;
        });
  }

  /**
   * The bearer for a create: a token failure here means nothing of the create was sent, and it
   * surfaces as a public type (the token call's own errors are internal retry signals).
   */
  private String bearerBeforeCreate(String what) {
    try {
      return tokens.bearer();
    } catch (RetryAfterRejection e) {
      // the token endpoint refused: nothing of the create was sent
      throw WebEcrAnswers.publicCopy(e);
    } catch (MalformedAnswer e) {
      throw new ConnectionException(
          what + ": unreadable token answer (" + e.getMessage() + "); nothing was sent",
          false,
          null,
          null);
    }
  }

  private Answer authorised(
      String what,
      String tid,
      Function<String, Call<ResponseBody>> call,
      boolean create,
      String providerReference) {
    String bearer = create ? bearerBeforeCreate(what) : tokens.bearer();
    Response<ResponseBody> r = execute(call.apply(bearer), create, providerReference);
    if (r.code() == 401) {
      WebEcrAnswers.close(r);
      tokens.invalidate(bearer);
      r =
          execute(
              call.apply(create ? bearerBeforeCreate(what) : tokens.bearer()),
              create,
              providerReference);
    }
    try {
      if (r.code() == 401 || r.code() == 403) {
        WebEcrAnswers.close(r);
        throw new PairingRevokedException(tid, r.code());
      }
      return WebEcrAnswers.success(r, what, create, providerReference);
    } catch (PosException e) {
      throw namingRequest(e, r);
    }
  }

  private Response<ResponseBody> execute(
      Call<ResponseBody> call, boolean create, String providerReference) {
    String requestId = IdentityInterceptor.next();
    try {
      return IdentityInterceptor.sending(requestId, call::execute);
    } catch (IOException e) {
      okhttp3.HttpUrl url = call.request().url();
      // the host and port say where it failed; no query (it may hold references)
      String what =
          call.request().method()
              + " "
              + url.scheme()
              + "://"
              + url.host()
              + ":"
              + url.port()
              + url.encodedPath();
      boolean notSent = WebEcrAnswers.provablyNotSent(e);
      throw new ConnectionException(
              what
                  + " failed ("
                  + e.getClass().getSimpleName()
                  + ")"
                  + (create && !notSent ? ": the request may have reached WebECR" : ""),
              create && !notSent,
              providerReference,
              e)
          .initRequestId(requestId);
    }
  }

  /** {@code e}, naming the request {@code r} answered unless it names one already. */
  private static PosException namingRequest(PosException e, Response<ResponseBody> r) {
    return e.requestId().isPresent() ? e : e.initRequestId(IdentityInterceptor.of(r.raw()));
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
