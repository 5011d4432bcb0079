package dev.webecr.sdk.mellon.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Reads a successful WebECR body into an {@link Answer}: the raw text, kept whole for the audit
 * trail, and its JSON read by {@link WireJson} (keys case-insensitive: the contract shows both
 * {@code id} and {@code Id}, which typed Moshi models could not take without an adapter per field).
 * Not JSON: {@link MalformedAnswer}. A body that breaks off: {@link BrokenAnswer}.
 */
final class AnswerConverterFactory extends Converter.Factory {
  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type != Answer.class) {
      return null;
    }
    return AnswerConverterFactory::answer;
  }

  private static Answer answer(ResponseBody body) throws IOException {
    String text;
    try (ResponseBody b = body) {
      text = b.string();
    } catch (IOException e) {
      throw new BrokenAnswer(e);
    }
    return new Answer(WireJson.parse(text), text);
  }
}
