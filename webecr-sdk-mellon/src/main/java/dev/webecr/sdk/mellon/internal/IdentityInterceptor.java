package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.SdkVersion;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.MDC;

/**
 * Says who is calling: a {@code User-Agent} naming this SDK, the provider module, the JVM and the
 * ERP (so Mellon can tell which integration sent a request), and an {@code X-Request-Id} per
 * request that errors and the DEBUG log quote (and the MDC holds as {@value #MDC_REQUEST_ID} while
 * the request runs), for the ERP to give Mellon's support.
 *
 * <p>The id is chosen before the call, in its {@link CallFacts}, so that an error with no answer at
 * all can still name the request that was sent. A create that asked WebECR to hold its answer gets
 * a read timeout that long longer, here, per call.
 */
final class IdentityInterceptor implements Interceptor {
  /** The SLF4J MDC key holding the request id while a request runs. */
  static final String MDC_REQUEST_ID = "webecr.request_id";

  private final String userAgent;

  IdentityInterceptor(String application) {
    String sdk = SdkVersion.get();
    this.userAgent =
        "webecr-sdk/"
            + sdk
            + " mellon/"
            + sdk
            + " (Java "
            + SdkVersion.java()
            + ")"
            + (application == null ? "" : " " + application);
  }

  /** A new request id: unique enough to find one request in logs; no secret, so no SecureRandom. */
  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallFacts facts = request.tag(CallFacts.class);
    Request.Builder b = request.newBuilder().header("User-Agent", userAgent);
    String id = request.header(WebEcrApi.REQUEST_ID);
    if (id == null) {
      id = facts != null ? facts.requestId : next();
      b.header(WebEcrApi.REQUEST_ID, id);
    }
    if (facts != null && !facts.serverWait.isZero()) {
      long millis = chain.readTimeoutMillis() + facts.serverWait.toMillis();
      chain = chain.withReadTimeout((int) millis, TimeUnit.MILLISECONDS);
    }
    // the SDK's lines about this request carry its id; put back as it was afterwards
    String outer = MDC.get(MDC_REQUEST_ID);
    MDC.put(MDC_REQUEST_ID, id);
    try {
      return chain.proceed(b.build());
    } finally {
      if (outer == null) {
        MDC.remove(MDC_REQUEST_ID);
      } else {
        MDC.put(MDC_REQUEST_ID, outer);
      }
    }
  }

  /** The id errors quote for an answer: the server's own if it sent one, else the one we sent. */
  static String of(okhttp3.Response raw) {
    String server = raw.header(WebEcrApi.REQUEST_ID);
    if (server != null && !server.isBlank() && server.length() <= 100) {
      return server;
    }
    String ours = raw.request().header(WebEcrApi.REQUEST_ID);
    return ours == null ? "none" : ours;
  }
}
