package dev.webecr.sdk.okhttp;

import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.RequestObservation;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;
import retrofit2.http.GET;
import retrofit2.http.POST;

/**
 * Tells the client's observers of each request a provider sends (OkHttp's interceptor seam): the
 * endpoint as the provider's Retrofit interface names it (a template, never a path with an id), the
 * status, and how often OkHttp sent it again (a 401 answered with a new token). Add it first, so it
 * times everything after it, and {@link #SENDS} as a network interceptor, which counts each send.
 * Costs nothing until {@link #observe} is given an observer.
 *
 * <pre>{@code
 * ObservingInterceptor observing = new ObservingInterceptor("mellon");
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(observing)
 *     .addNetworkInterceptor(ObservingInterceptor.SENDS)
 *     .build();
 * // and in the provider: public void observe(PaymentObserver o) { observing.observe(o); }
 * }</pre>
 */
public final class ObservingInterceptor implements Interceptor {
  /**
   * Sends of the observed request running on this thread. A call's interceptors, application and
   * network, run on one thread (the caller's, or the dispatcher's for an asynchronous call), so no
   * tag, and no copy of the request, is needed to carry the count.
   */
  private static final ThreadLocal<int[]> SENT = new ThreadLocal<>();

  /** Counts the network sends of an observed request: add it as a network interceptor. */
  public static final Interceptor SENDS =
      chain -> {
        int[] sends = SENT.get();
        if (sends != null) {
          sends[0]++;
        }
        return chain.proceed(chain.request());
      };

  private final String provider;
  private volatile PaymentObserver observer = PaymentObserver.NONE;

  /** Reports requests as {@code provider}'s (its id, such as {@code mellon}). */
  public ObservingInterceptor(String provider) {
    this.provider = provider;
  }

  /** Tells {@code observer} of every request from now on. */
  public void observe(PaymentObserver observer) {
    this.observer = observer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    PaymentObserver o = observer;
    Request request = chain.request();
    if (o == PaymentObserver.NONE) {
      return chain.proceed(request);
    }
    int[] sends = {0};
    int[] outer = SENT.get();
    SENT.set(sends);
    RequestObservation seen =
        o.request(
            provider,
            request.method(),
            endpoint(request),
            request.url().host(),
            request.url().port());
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      seen.end(0, e.getClass().getName(), Math.max(0, sends[0] - 1));
      throw e;
    } finally {
      if (outer == null) {
        SENT.remove(); // nothing left behind on a pooled thread
      } else {
        SENT.set(outer);
      }
    }
    int code = response.code();
    seen.end(code, code >= 400 ? Integer.toString(code) : null, Math.max(0, sends[0] - 1));
    return response;
  }

  /** The endpoint's template from the Retrofit method that made the call, else its path. */
  private static String endpoint(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation != null) {
      String template =
          TEMPLATES.computeIfAbsent(invocation.method(), ObservingInterceptor::template);
      if (!template.isEmpty()) {
        return template;
      }
    }
    return request.url().encodedPath(); // @Url calls (tokens, keys): fixed paths, no ids
  }

  /** Read once per method: reflection copies the annotations on every ask. */
  private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

  private static String template(Method method) {
    for (Annotation a : method.getAnnotations()) {
      String template =
          a instanceof GET ? ((GET) a).value() : a instanceof POST ? ((POST) a).value() : "";
      if (!template.isEmpty()) {
        return template;
      }
    }
    return "";
  }
}
