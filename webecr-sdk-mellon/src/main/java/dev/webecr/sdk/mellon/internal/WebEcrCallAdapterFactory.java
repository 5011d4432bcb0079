package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.PairingRevokedException;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.spi.SendFailures;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Runs a {@link WebEcrApi} call and turns every way it can end into an {@link Answer} or the SDK's
 * error, in one place. A call marked {@link WebEcrApi.SentOnce} (a create, a redeem) that may have
 * left is "outcome unknown" on any failure but a refusal known to come before processing; a {@link
 * WebEcrApi.Login} call refused is an {@link AuthenticationException}; a 401 that survived the
 * token's renewal, or a 403, is a revoked pairing; 429 and 5xx on reads are internal retry signals
 * ({@link RetryAfterRejection}). Every error names the request it came from.
 */
final class WebEcrCallAdapterFactory extends CallAdapter.Factory {
  private final Duration callTimeout;

  WebEcrCallAdapterFactory(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  private enum Kind {
    READ,
    SENT_ONCE,
    LOGIN
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    if (returnType != Answer.class) {
      return null;
    }
    Kind kind = Kind.READ;
    for (Annotation a : annotations) {
      if (a instanceof WebEcrApi.SentOnce) {
        kind = Kind.SENT_ONCE;
      } else if (a instanceof WebEcrApi.Login) {
        kind = Kind.LOGIN;
      }
    }
    Kind of = kind;
    return new CallAdapter<Answer, Answer>() {
      @Override
      public Type responseType() {
        return Answer.class;
      }

      @Override
      public Answer adapt(Call<Answer> call) {
        return run(call, of);
      }
    };
  }

  private Answer run(Call<Answer> call, Kind kind) {
    CallFacts facts = call.request().tag(CallFacts.class);
    if (facts == null) {
      throw new IllegalStateException("a WebEcrApi call without its CallFacts tag");
    }
    boolean once = kind == Kind.SENT_ONCE;
    if (!facts.serverWait.isZero()) {
      // the create's whole call may take the wait it asked for, no more (its settle window
      // counts from this timeout)
      call.timeout().timeout(callTimeout.plus(facts.serverWait).toMillis(), TimeUnit.MILLISECONDS);
    }
    Response<Answer> r;
    try {
      r = call.execute();
    } catch (TokenFailure e) {
      throw once ? WebEcrAnswers.beforeSending(facts.what, e.error()) : e.error();
    } catch (BrokenAnswer e) {
      throw named(
          new ConnectionException(
              facts.what + ": the answer broke off (" + e.getMessage() + ")",
              once,
              facts.providerReference,
              e),
          facts.requestId);
    } catch (IOException e) {
      throw named(unanswered(call.request(), e, once, facts), facts.requestId);
    } catch (MalformedAnswer e) {
      throw named(WebEcrAnswers.unreadable(e, once, facts), facts.requestId);
    }
    if (r.isSuccessful()) {
      return r.body();
    }
    throw named(failure(r, kind, facts), IdentityInterceptor.of(r.raw()));
  }

  private static PosException failure(Response<Answer> r, Kind kind, CallFacts facts) {
    String body;
    try (ResponseBody b = r.errorBody()) {
      body = b == null ? "" : b.string();
    } catch (IOException e) {
      body = "";
    }
    int code = r.code();
    if (kind == Kind.LOGIN && (code == 400 || code == 401 || code == 403)) {
      return new AuthenticationException(
          "WebECR refused the integrator login (HTTP " + code + "): check username and password",
          code);
    }
    if (kind != Kind.LOGIN && (code == 401 || code == 403)) {
      // a 401 here survived a renewed token (TokenAuth): the API key no longer opens the terminal
      return new PairingRevokedException(facts.tid, code);
    }
    return WebEcrAnswers.failure(code, body, r.headers(), kind == Kind.SENT_ONCE, facts);
  }

  /** No answer at all: where it failed (host and port, no query: it may hold references). */
  private static ConnectionException unanswered(
      Request request, IOException e, boolean once, CallFacts facts) {
    HttpUrl url = request.url();
    String where =
        request.method()
            + " "
            + url.scheme()
            + "://"
            + url.host()
            + ":"
            + url.port()
            + url.encodedPath();
    boolean notSent = SendFailures.provablyNotSent(e);
    return new ConnectionException(
        where
            + " failed ("
            + e.getClass().getSimpleName()
            + ")"
            + (once && !notSent ? ": the request may have reached WebECR" : ""),
        once && !notSent,
        facts.providerReference,
        e);
  }

  /** {@code e}, naming {@code requestId} unless it names a request already. */
  private static PosException named(PosException e, String requestId) {
    return e.requestId().isPresent() ? e : e.initRequestId(requestId);
  }
}
