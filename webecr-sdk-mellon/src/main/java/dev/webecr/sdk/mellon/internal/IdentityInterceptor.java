package dev.webecr.sdk.mellon.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Says who is calling: a {@code User-Agent} naming this SDK, its version and the ERP (so Mellon
 * can tell which integration sent a request), and an {@code X-Request-Id} per request that every
 * error quotes, for the ERP to give Mellon's support.
 */
final class IdentityInterceptor implements Interceptor {
  /** The header carrying the request id. */
  static final String REQUEST_ID = "X-Request-Id";
  private final String userAgent;

  IdentityInterceptor(String application) {
    String version = IdentityInterceptor.class.getPackage().getImplementationVersion();
    this.userAgent = "webecr-sdk/" + (version == null ? "dev" : version) + " (mellon"
        + (application == null ? "" : "; " + application) + ")";
  }

  String userAgent() {
    return userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder b = request.newBuilder().header("User-Agent", userAgent);
    if (request.header(REQUEST_ID) == null) {
      // unique enough to find one request in support's logs; no secret, so no SecureRandom
      ThreadLocalRandom random = ThreadLocalRandom.current();
      b.header(REQUEST_ID, new UUID(random.nextLong(), random.nextLong()).toString());
    }
    return chain.proceed(b.build());
  }

  /** The request id an answer's request carried, as errors quote it. */
  static String of(okhttp3.Response raw) {
    String id = raw.request().header(REQUEST_ID);
    return id == null ? "" : " [request " + id + "]";
  }
}
