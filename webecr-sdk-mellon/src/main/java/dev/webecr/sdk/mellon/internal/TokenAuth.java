package dev.webecr.sdk.mellon.internal;

import java.io.IOException;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * The integrator's token on OkHttp's own seams: as an interceptor it puts the bearer on every
 * request to WebECR's resource host (never elsewhere), renewed first when due; as the {@link
 * Authenticator} it renews the token after a 401 (WebECR never processes a request it answers 401,
 * so sending it again, a create too, charges nothing), and again only while the token a 401 met has
 * expired by this client's clock; a 401 for a live token is left to the call adapter, which reads
 * it as a revoked pairing. At most three tries.
 */
final class TokenAuth implements Interceptor, Authenticator {
  private static final int MAX_TRIES = 3;

  private final TokenManager tokens;
  private final HttpUrl base;

  TokenAuth(TokenManager tokens, HttpUrl base) {
    this.tokens = tokens;
    this.base = base;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!toWebEcr(request.url())) {
      return chain.proceed(request);
    }
    return chain.proceed(withBearer(request));
  }

  @Override
  public Request authenticate(Route route, Response response) throws IOException {
    Request failed = response.request();
    String used = failed.header(WebEcrApi.AUTHORIZATION);
    if (!toWebEcr(failed.url()) || tries(response) >= MAX_TRIES) {
      return null;
    }
    if (response.priorResponse() != null && (used == null || !tokens.expired(used))) {
      return null; // a second 401 for a live token: the API key, not the token, is refused
    }
    if (used != null) {
      tokens.invalidate(used);
    }
    try {
      return withBearer(failed);
    } catch (TokenFailure e) {
      response.close(); // OkHttp closes the 401 only when a retry follows
      throw e;
    }
  }

  private static int tries(Response response) {
    int n = 1;
    for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
      n++;
    }
    return n;
  }

  private Request withBearer(Request request) throws TokenFailure {
    String bearer;
    try {
      bearer = tokens.bearer();
    } catch (RuntimeException e) {
      throw new TokenFailure(e);
    }
    return request.newBuilder().header(WebEcrApi.AUTHORIZATION, bearer).build();
  }

  private boolean toWebEcr(HttpUrl url) {
    return url.scheme().equals(base.scheme())
        && url.host().equalsIgnoreCase(base.host())
        && url.port() == base.port();
  }
}
