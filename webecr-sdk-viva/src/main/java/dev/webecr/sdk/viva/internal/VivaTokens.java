package dev.webecr.sdk.viva.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.viva.VivaConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The OAuth2 client-credentials token (viva-cloud-terminal §3): minted lazily, one at a time,
 * renewed 5 minutes before its {@code expires_in}, forgotten when Viva no longer takes it. As an
 * OkHttp interceptor it puts the bearer on requests to the API host, never elsewhere. Neither the
 * secret nor the token ever leaves this class but as a header.
 */
final class VivaTokens implements Interceptor {
  static final Duration EARLY = Duration.ofMinutes(5);
  private static final long DEFAULT_LIFETIME_SECONDS = 3600;

  private final VivaApi tokenApi;
  private final VivaConfig config;
  private final Clock clock;
  private final HttpUrl apiBase;
  private String access;
  private Instant expiry = Instant.MIN;

  VivaTokens(VivaApi tokenApi, VivaConfig config, Clock clock) {
    this.tokenApi = tokenApi;
    this.config = config;
    this.clock = clock;
    this.apiBase = HttpUrl.get(config.resolvedApiUrl());
  }

  /** {@code Bearer <token>}, minted first when there is none or it is due. */
  synchronized String bearer() {
    if (access == null || !clock.instant().isBefore(expiry.minus(EARLY))) {
      mint();
    }
    return "Bearer " + access;
  }

  /**
   * Forgets the token after Viva refused it, so the next call mints a new one (a call racing with
   * this one may mint once more: harmless).
   */
  synchronized void invalidate() {
    access = null;
  }

  private void mint() {
    String basic =
        Credentials.basic(config.clientId(), config.clientSecret(), StandardCharsets.UTF_8);
    VivaAnswer a =
        tokenApi.token(
            config.resolvedTokenUrl(), basic, "client_credentials", config.scope().orElse(null));
    if (a.code == 400 || a.code == 401 || a.code == 403) {
      throw new AuthenticationException(
          "Viva refused the client credentials (HTTP "
              + a.code
              + "): check clientId and clientSecret (Settings > API Access > POS APIs)",
          a.code);
    }
    if (!a.isSuccessful()) {
      throw new ProviderRejectedException(
          "Viva's token endpoint answered HTTP " + a.code, a.code, null, a.code >= 500);
    }
    try {
      VivaJson token = VivaJson.object(a.body);
      access = token.text("access_token").orElseThrow(() -> new UnreadableAnswer("no token"));
      long lifetime = token.number("expires_in").orElse(DEFAULT_LIFETIME_SECONDS);
      expiry = clock.instant().plusSeconds(lifetime);
    } catch (UnreadableAnswer e) {
      throw new ProviderRejectedException(
          "Viva's token endpoint answered no usable token (" + e.getMessage() + ")",
          a.code,
          "malformed_answer",
          true);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUrl url = request.url();
    boolean toApi =
        url.scheme().equals(apiBase.scheme())
            && url.host().equalsIgnoreCase(apiBase.host())
            && url.port() == apiBase.port();
    if (!toApi) {
      return chain.proceed(request);
    }
    String bearer;
    try {
      bearer = bearer();
    } catch (RuntimeException e) {
      throw new TokenFailure(e);
    }
    return chain.proceed(request.newBuilder().header(VivaApi.AUTHORIZATION, bearer).build());
  }
}
