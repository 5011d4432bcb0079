package dev.webecr.sdk.testkit.webecr;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** Reading request bodies and writing Django-style answers, for the fake server's routes. */
final class FakeJson {
  static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private FakeJson() {}

  /** A 400 naming the field, as Django REST Framework answers one. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;

    BadRequest(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }

  static Map<String, Object> body(String text) {
    try {
      Map<String, Object> m = text == null || text.isBlank() ? null : JSON.fromJson(text);
      if (m == null) {
        throw new BadRequest("detail", "JSON parse error - body is empty.");
      }
      return m;
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadRequest) {
        throw (BadRequest) e;
      }
      throw new BadRequest("detail", "JSON parse error.");
    }
  }

  static String stringOrNull(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Double && ((Double) o) == Math.rint((Double) o)) {
      return String.valueOf(((Double) o).longValue());
    }
    return o.toString();
  }

  static long longField(Map<String, Object> b, String name) {
    Object v = b.get(name);
    if (!(v instanceof Number)
        || ((Number) v).doubleValue() != Math.rint(((Number) v).doubleValue())) {
      throw new BadRequest(name, "A valid integer is required.");
    }
    return ((Number) v).longValue();
  }

  static int intField(Map<String, Object> b, String name, int otherwise) {
    return b.get(name) == null ? otherwise : (int) longField(b, name);
  }

  static Instant instant(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(field, "Enter a valid date/time.");
    }
  }

  static WebEcrRoutes.Reply ok(Map<String, Object> body) {
    return new WebEcrRoutes.Reply(200, write(body));
  }

  static WebEcrRoutes.Reply error(int status, String field, String message) {
    Object value = field.equals("detail") ? message : List.of(message);
    return new WebEcrRoutes.Reply(status, write(Map.of(field, value)));
  }

  /**
   * JSON of maps, lists, strings, numbers, booleans and nulls (kept, as Django writes them),
   * written straight to Moshi's writer: Moshi's adapter for {@code Object} looks an adapter up for
   * every value, which was the fake's largest cost per request.
   */
  static String write(Object value) {
    Buffer out = new Buffer();
    try (JsonWriter w = JsonWriter.of(out)) {
      w.setSerializeNulls(true);
      write(w, value);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return out.readUtf8();
  }

  private static void write(JsonWriter w, Object v) throws IOException {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof String) {
      w.value((String) v);
    } else if (v instanceof Boolean) {
      w.value((boolean) (Boolean) v);
    } else if (v instanceof Integer || v instanceof Long) {
      w.value(((Number) v).longValue());
    } else if (v instanceof Number) {
      w.value((Number) v);
    } else if (v instanceof Map) {
      w.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        w.name(String.valueOf(e.getKey()));
        write(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof Iterable) {
      w.beginArray();
      for (Object item : (Iterable<?>) v) {
        write(w, item);
      }
      w.endArray();
    } else {
      throw new IllegalArgumentException("not JSON: " + v.getClass());
    }
  }

  static int intParam(WebEcrRoutes.Request r, String name, int otherwise) {
    try {
      return r.query.containsKey(name) ? Integer.parseInt(r.query.get(name)) : otherwise;
    } catch (NumberFormatException e) {
      throw new BadRequest(name, "A valid integer is required.");
    }
  }

  static String reference(Map<String, Object> b) {
    String ref = stringOrNull(b.get("CustomerReference"));
    if (ref == null || ref.isBlank()) {
      throw new BadRequest("CustomerReference", "This field is required.");
    }
    if (ref.length() > 50) {
      throw new BadRequest(
          "CustomerReference", "Ensure this field has no more than 50 characters.");
    }
    return ref;
  }
}
