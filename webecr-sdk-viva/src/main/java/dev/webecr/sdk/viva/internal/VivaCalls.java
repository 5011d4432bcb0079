package dev.webecr.sdk.viva.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.spi.SendFailures;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Runs a {@link VivaApi} call to Viva's answer, whatever its status (a 202 or a 404 is an answer,
 * read by the caller), and turns a call that got no answer into the SDK's error in one place: a
 * call marked {@link VivaApi.SentOnce} that may have left is "outcome unknown"; one that provably
 * never left, or whose token could not be had, is not.
 */
final class VivaCalls extends CallAdapter.Factory {
  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    if (returnType != VivaAnswer.class) {
      return null;
    }
    boolean once = false;
    for (Annotation a : annotations) {
      once |= a instanceof VivaApi.SentOnce;
    }
    boolean sentOnce = once;
    return new CallAdapter<ResponseBody, VivaAnswer>() {
      @Override
      public Type responseType() {
        return ResponseBody.class;
      }

      @Override
      public VivaAnswer adapt(Call<ResponseBody> call) {
        return run(call, sentOnce);
      }
    };
  }

  private static VivaAnswer run(Call<ResponseBody> call, boolean once) {
    Request request = call.request();
    try {
      Response<ResponseBody> r = call.execute();
      try (ResponseBody b = r.isSuccessful() ? r.body() : r.errorBody()) {
        return new VivaAnswer(
            r.code(), b == null ? "" : b.string(), r.headers().get("Retry-After"));
      }
    } catch (TokenFailure e) {
      throw e.error();
    } catch (IOException e) {
      boolean unknown = once && !SendFailures.provablyNotSent(e);
      throw new ConnectionException(
          request.method()
              + " "
              + request.url().scheme()
              + "://"
              + request.url().host()
              + ":"
              + request.url().port()
              + request.url().encodedPath()
              + " failed ("
              + e.getClass().getSimpleName()
              + ")"
              + (unknown ? ": the request may have reached Viva" : ""),
          unknown,
          null,
          e);
    }
  }
}
