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
 * Authenticator} it renews the token once after a 401 (WebECR never processes a request it answers
 * 401, so sending it again, a create too, charges nothing) and gives up on a second, which the call
 * adapter reads as a revoked pairing.
 */
final class TokenAuth implements Interceptor, Authenticator {
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
    if (response.priorResponse() != null || !toWebEcr(failed.url())) {
      return null; // a second 401 in a row: the API key, not the token, is refused
    }
    String used = failed.header(WebEcrApi.AUTHORIZATION);
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
