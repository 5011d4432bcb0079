package dev.webecr.sdk.mellon.internal;

import com.squareup.moshi.Moshi;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.PairingRevokedException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.mellon.MellonConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
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
 * <p>Reads are retried by Failsafe with backoff and jitter on connection errors, 5xx, 429
 * ({@code Retry-After} honoured) and malformed answers. Creates are sent once: OkHttp's silent
 * retry is off, Failsafe is not involved, and any failure after the request may have left is an
 * outcome-unknown {@link ConnectionException}. A 401 renews the token and repeats the call once
 * (a 401 was never processed); a second 401, or a 403, on a call with an API key means the
 * pairing was revoked.
 */
public final class MellonHttp implements AutoCloseable {
  private static final int MAX_MESSAGE = 200;
  /** Reads run on these threads (Failsafe's async executions); creates run on the caller's. */
  private static final int RETRY_THREADS = 8;

  private final MellonConfig config;
  private final WebEcrApi api;
  private final WebEcrApi waitingApi;
  private final OkHttpClient client;
  private final RetryPolicy<Object> readRetry;
  private final ScheduledExecutorService retryScheduler;
  private final boolean ownsScheduler;
  private final boolean ownsClient;
  final TokenManager tokens;

  MellonHttp(MellonConfig config, Clock clock) {
    this.config = config;
    this.ownsClient = config.okHttpClient().isEmpty();
    OkHttpClient.Builder http = config.okHttpClient().map(OkHttpClient::newBuilder)
        .orElseGet(OkHttpClient.Builder::new)
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.callTimeout())
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .addInterceptor(new LoggingInterceptor());
    if (!config.certificatePins().isEmpty()) {
      String host = HttpUrl.get(config.resolvedResourceUrl()).host();
      http.certificatePinner(new CertificatePinner.Builder()
          .add(host, config.certificatePins().toArray(new String[0])).build());
    }
    this.client = http.build();
    Duration maxWait = Duration.ofSeconds(MellonWire.MAX_SERVER_WAIT_SECONDS);
    OkHttpClient waiting = client.newBuilder()
        .readTimeout(config.readTimeout().plus(maxWait))
        .callTimeout(config.callTimeout().plus(maxWait))
        .build();
    Moshi moshi = new Moshi.Builder().build();
    this.api = retrofit(client, moshi).create(WebEcrApi.class);
    this.waitingApi = retrofit(waiting, moshi).create(WebEcrApi.class);
    this.readRetry = RetryPolicy.<Object>builder()
        .handleIf((Throwable e) -> retryable(e))
        .withDelayFn(ctx -> delayBefore(ctx.getLastException(), ctx.getAttemptCount()))
        .withMaxRetries(config.maxReadRetries())
        .build();
    if (config.retryScheduler().isPresent()) {
      this.retryScheduler = config.retryScheduler().get();
      this.ownsScheduler = false;
    } else {
      ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(RETRY_THREADS, r -> {
        Thread t = new Thread(r, "webecr-mellon-retry");
        t.setDaemon(true);
        return t;
      });
      pool.setRemoveOnCancelPolicy(true);
      this.retryScheduler = pool;
      this.ownsScheduler = true;
    }
    this.tokens = new TokenManager(this, clock);
  }

  private Retrofit retrofit(OkHttpClient http, Moshi moshi) {
    return new Retrofit.Builder()
        .baseUrl(config.resolvedResourceUrl())
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }

  private boolean retryable(Throwable e) {
    if (e instanceof RetryAfterRejection) {
      return ((RetryAfterRejection) e).retryAfter()
          .map(d -> d.compareTo(config.maxRetryAfter()) <= 0).orElse(true);
    }
    return e instanceof ConnectionException
        || (e instanceof ProviderRejectedException && ((ProviderRejectedException) e).isRetryable()
            && !(e instanceof AuthenticationException));
  }

  /** The server's Retry-After exactly; otherwise exponential backoff with ±25 % jitter. */
  private Duration delayBefore(Throwable failure, int attempts) {
    if (failure instanceof RetryAfterRejection) {
      Optional<Duration> asked = ((RetryAfterRejection) failure).retryAfter();
      if (asked.isPresent()) {
        return asked.get();
      }
    }
    long base = config.retryBackoff().toMillis() << Math.min(Math.max(attempts - 1, 0), 4);
    double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
    return Duration.ofMillis((long) (base * jitter));
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
   * A token call, not retried on its own: it runs inside a read's attempt (whose policy retries
   * it) or before a create (which then fails having sent nothing).
   */
  private WireJson tokenCall(Call<ResponseBody> call) {
    Response<ResponseBody> r = execute(call, false, null);
    if (r.code() == 400 || r.code() == 401 || r.code() == 403) {
      close(r);
      throw new AuthenticationException(
          "WebECR refused the integrator login (HTTP " + r.code() + "): check username and password",
          r.code());
    }
    return success(r, "token", false, null).json;
  }

  /** A read, retried as the class says; {@code tid} names the terminal in pairing errors. */
  Answer read(String what, String tid, Function<String, Call<ResponseBody>> call) {
    return retried(what, () -> authorised(what, tid, call, false, null));
  }

  /**
   * A create, sent once. {@code providerReference} goes into outcome-unknown errors so the
   * client can look the intent up.
   */
  Answer send(String what, String tid, String providerReference,
      Function<String, Call<ResponseBody>> call) {
    return authorised(what, tid, call, true, providerReference);
  }

  private <T> T retried(String what, java.util.function.Supplier<T> attempt) {
    try {
      return Failsafe.with(readRetry).with(retryScheduler).getAsync(attempt::get).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RetryAfterRejection) {
        throw publicCopy((RetryAfterRejection) cause);
      }
      if (cause instanceof MalformedAnswer) {
        throw unreadable(what, (MalformedAnswer) cause);
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new ConnectionException(what + " failed", false, null, cause);
    }
  }

  /** A malformed answer as the public, retryable error callers can catch. */
  static ProviderRejectedException unreadable(String what, MalformedAnswer e) {
    return new ProviderRejectedException(what + ": unreadable answer (" + e.getMessage() + ")",
        200, "malformed_answer", true);
  }

  private static ProviderRejectedException publicCopy(RetryAfterRejection e) {
    return new ProviderRejectedException(e.getMessage(), e.httpStatus(),
        e.providerCode().orElse(null), true);
  }

  /**
   * The bearer for a create: a token failure here means nothing of the create was sent, and it
   * surfaces as a public type (the token call's own errors are internal retry signals).
   */
  private String bearerBeforeCreate(String what) {
    try {
      return tokens.bearer();
    } catch (RetryAfterRejection e) {
      throw publicCopy(e); // the token endpoint refused: nothing of the create was sent
    } catch (MalformedAnswer e) {
      throw new ConnectionException(what + ": unreadable token answer (" + e.getMessage()
          + "); nothing was sent", false, null, null);
    }
  }

  private Answer authorised(String what, String tid, Function<String, Call<ResponseBody>> call,
      boolean create, String providerReference) {
    String bearer = create ? bearerBeforeCreate(what) : tokens.bearer();
    Response<ResponseBody> r = execute(call.apply(bearer), create, providerReference);
    if (r.code() == 401) {
      close(r);
      tokens.invalidate(bearer);
      r = execute(call.apply(create ? bearerBeforeCreate(what) : tokens.bearer()), create,
          providerReference);
      if (r.code() == 401) {
        close(r);
        throw new PairingRevokedException(tid, 401);
      }
    }
    if (r.code() == 403) {
      close(r);
      throw new PairingRevokedException(tid, 403);
    }
    return success(r, what, create, providerReference);
  }

  private Response<ResponseBody> execute(Call<ResponseBody> call, boolean create,
      String providerReference) {
    String what = call.request().method() + " " + call.request().url().encodedPath();
    try {
      return call.execute();
    } catch (IOException e) {
      boolean notSent = provablyNotSent(e);
      throw new ConnectionException(what + " failed (" + e.getClass().getSimpleName() + ")"
          + (create && !notSent ? ": the request may have reached WebECR" : ""),
          create && !notSent, providerReference, e);
    }
  }

  private Answer success(Response<ResponseBody> r, String what, boolean create,
      String providerReference) {
    String body;
    try (ResponseBody b = r.isSuccessful() ? r.body() : r.errorBody()) {
      body = b == null ? "" : b.string();
    } catch (IOException e) {
      throw new ConnectionException(what + ": the answer broke off (" + e.getClass().getSimpleName()
          + ")", create, providerReference, e);
    }
    int code = r.code();
    if (code >= 200 && code < 300) {
      try {
        return new Answer(WireJson.parse(body), body);
      } catch (MalformedAnswer e) {
        if (create) {
          throw new ConnectionException(what + ": unreadable answer (" + e.getMessage()
              + "): the payment may exist", true, providerReference, null);
        }
        throw new RetryAfterRejection(what + ": unreadable answer (" + e.getMessage() + ")",
            code, null);
      }
    }
    String message = what + ": WebECR answered HTTP " + code + detail(body);
    if (code >= 500) {
      if (create) {
        throw new ConnectionException(message + "; the payment may exist", true,
            providerReference, null);
      }
      throw new RetryAfterRejection(message, code, retryAfter(r));
    }
    if (code == 429) {
      if (create) {
        throw new ProviderRejectedException(message, code, "throttled", true);
      }
      throw new RetryAfterRejection(message, code, retryAfter(r));
    }
    throw new ProviderRejectedException(message, code, errorCode(body), false);
  }

  private static String detail(String body) {
    try {
      return WireJson.parse(body).firstError()
          .map(e -> ": " + truncate(e.getKey() + ": " + e.getValue()))
          .orElse("");
    } catch (MalformedAnswer e) {
      return "";
    }
  }

  private static String errorCode(String body) {
    try {
      return WireJson.parse(body).firstError().map(Map.Entry::getKey).orElse(null);
    } catch (MalformedAnswer e) {
      return null;
    }
  }

  private static String truncate(String s) {
    String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
  }

  private static Duration retryAfter(Response<?> r) {
    String value = r.headers().get("Retry-After");
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return null; // an HTTP date: fall back to our own backoff
    }
  }

  /**
   * True when the request cannot have left: no connection was made, or TLS refused the peer
   * (handshake, certificate pin, host name) before a byte of the request was written.
   */
  static boolean provablyNotSent(IOException e) {
    if (e instanceof ConnectException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException || e instanceof SSLHandshakeException
        || e instanceof SSLPeerUnverifiedException) {
      return true;
    }
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return e instanceof InterruptedIOException && m.contains("connect timed out");
  }

  private static void close(Response<ResponseBody> r) {
    ResponseBody b = r.isSuccessful() ? r.body() : r.errorBody();
    if (b != null) {
      b.close();
    }
  }

  @Override
  public void close() {
    if (ownsScheduler) {
      retryScheduler.shutdownNow();
    }
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
