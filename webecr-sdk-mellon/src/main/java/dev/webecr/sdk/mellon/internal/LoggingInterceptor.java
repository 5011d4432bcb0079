package dev.webecr.sdk.mellon.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs method, path, status, duration and request id at DEBUG. Never headers (Authorization,
 * X-Api-Key), never query strings, never bodies: nothing that could hold a secret or personal data.
 */
final class LoggingInterceptor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger("dev.webecr.sdk.mellon.http");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!log.isDebugEnabled()) {
      return chain.proceed(request); // the hot path pays nothing for logging that is off
    }
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      log.debug(
          "{} {} -> {} in {} ms [request {}]",
          request.method(),
          request.url().encodedPath(),
          response.code(),
          (System.nanoTime() - start) / 1_000_000,
          IdentityInterceptor.of(response));
      return response;
    } catch (IOException e) {
      log.debug(
          "{} {} -> {} after {} ms [request {}]",
          request.method(),
          request.url().encodedPath(),
          e.getClass().getSimpleName(),
          (System.nanoTime() - start) / 1_000_000,
          request.header(WebEcrApi.REQUEST_ID));
      throw e;
    }
  }
}
