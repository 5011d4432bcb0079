package dev.webecr.sdk.testkit.webecr;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The fake's integrator login: JWT-shaped access tokens with {@code exp}, refresh tokens. */
final class FakeAuth {
  private final FakeWebEcr fake;

  /** Access token to its expiry (epoch seconds). */
  private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();

  private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
  private int serial;

  FakeAuth(FakeWebEcr fake) {
    this.fake = fake;
  }

  WebEcrRoutes.Reply token(String body) {
    Map<String, Object> b = FakeJson.body(body);
    if (!FakeWebEcr.USERNAME.equals(b.get("username"))
        || !FakeWebEcr.PASSWORD.equals(b.get("password"))) {
      return FakeJson.error(401, "detail", "No active account found with the given credentials");
    }
    String refresh;
    synchronized (this) {
      refresh = "fake-refresh-" + (++serial);
    }
    refreshTokens.put(refresh, true);
    return FakeJson.ok(Map.of("access", newAccess(), "refresh", refresh));
  }

  WebEcrRoutes.Reply refresh(String body) {
    if (!refreshTokens.containsKey(String.valueOf(FakeJson.body(body).get("refresh")))) {
      return FakeJson.error(401, "detail", "Token is invalid or expired");
    }
    return FakeJson.ok(Map.of("access", newAccess()));
  }

  boolean bearerValid(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    Long exp = accessTokens.get(authorization.substring(7));
    return exp != null && exp > fake.clock().instant().getEpochSecond();
  }

  private String newAccess() {
    long exp = fake.clock().instant().plus(Duration.ofHours(1)).getEpochSecond();
    int jti;
    synchronized (this) {
      jti = ++serial;
    }
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String token =
        b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(
                ("{\"exp\":" + exp + ",\"jti\":" + jti + "}").getBytes(StandardCharsets.UTF_8))
            + ".fake";
    accessTokens.put(token, exp);
    return token;
  }
}
