package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.AuthenticationException;
import dev.webecr.sdk.mellon.MellonConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The integrator's JWT: logged in lazily, refreshed shortly before its {@code exp}, logged in again
 * when the refresh fails. Thread-safe; one login or refresh at a time. Tokens never leave this
 * class except as the {@code Authorization} header value {@link TokenAuth} puts on. A token call is
 * not retried on its own: it runs inside a read's attempt (whose policy retries it) or before a
 * create (which then fails having sent nothing).
 */
final class TokenManager {
  /** Renew this long before expiry, so a token never expires in flight. */
  static final Duration EARLY = Duration.ofSeconds(60);

  /** Assumed lifetime when the token carries no readable {@code exp}. */
  static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);

  private final WebEcrApi api;
  private final MellonConfig config;
  private final Clock clock;
  private String access;
  private String refresh;
  private Instant accessExpiry = Instant.MIN;

  /** {@code Bearer <access>} and when to renew it, made once per token, not per request. */
  private String bearer;

  private long renewAtMillis = Long.MIN_VALUE;

  /** Tokens from {@code config}'s token endpoints, through {@code api} (a client without them). */
  TokenManager(WebEcrApi api, MellonConfig config, Clock clock) {
    this.api = api;
    this.config = config;
    this.clock = clock;
  }

  /** {@code Bearer <access>}, renewed first when due. */
  synchronized String bearer() {
    if (access == null || clock.millis() >= renewAtMillis) {
      renew();
    }
    return bearer;
  }

  /** Forgets the access token after a 401, so the next call renews it. */
  synchronized void invalidate(String bearerUsed) {
    if (access != null && bearerUsed.equals(bearer)) {
      access = null;
    }
  }

  /**
   * True when {@code bearerUsed} is not a live token by this client's clock: already replaced, or
   * past its {@code exp}. A 401 for such a token is an expiry, not a refused API key.
   */
  synchronized boolean expired(String bearerUsed) {
    return access == null || !bearerUsed.equals(bearer) || !clock.instant().isBefore(accessExpiry);
  }

  private void renew() {
    if (refresh != null) {
      try {
        WireBodies.Refresh body = new WireBodies.Refresh();
        body.refresh = refresh;
        WireJson answer =
            api.refreshToken(
                    config.resolvedTokenRefreshUrl(),
                    body,
                    CallFacts.read("POST token refresh", null))
                .json;
        accept(answer.text("access"), Optional.of(refresh));
        return;
      } catch (AuthenticationException e) {
        refresh = null; // expired refresh token: log in again below
      }
    }
    WireBodies.Login body = new WireBodies.Login();
    body.username = config.username();
    body.password = config.password();
    WireJson answer =
        api.token(config.resolvedTokenUrl(), body, CallFacts.read("POST token", null)).json;
    accept(answer.text("access"), answer.text("refresh"));
  }

  private void accept(Optional<String> newAccess, Optional<String> newRefresh) {
    access = newAccess.orElseThrow(() -> new MalformedAnswer("token answer without access"));
    refresh = newRefresh.orElse(null);
    accessExpiry = expiryOf(access).orElse(clock.instant().plus(UNKNOWN_LIFETIME));
    bearer = "Bearer " + access;
    Instant renewAt = accessExpiry.minus(EARLY);
    try {
      renewAtMillis = renewAt.toEpochMilli();
    } catch (ArithmeticException farOff) { // an exp no clock will reach, or long past
      renewAtMillis = renewAt.isAfter(Instant.EPOCH) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }

  /** The {@code exp} claim of a JWT, if it has a readable one. */
  static Optional<Instant> expiryOf(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return WireJson.parse(payload).longValue("exp").map(Instant::ofEpochSecond);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
