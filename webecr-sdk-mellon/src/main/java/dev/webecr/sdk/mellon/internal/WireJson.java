package dev.webecr.sdk.mellon.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import okio.Buffer;

/**
 * A JSON answer read leniently: keys case-insensitive ({@code id} and {@code Id} both appear),
 * unknown keys ignored, numbers kept as their exact text so ids, RRNs and STANs keep leading zeros
 * and full precision. Moshi's reader does the tokenising.
 */
final class WireJson {
  private final Map<String, Object> fields;

  private WireJson(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** Parses an object; anything else (HTML, empty, malformed) is a {@link MalformedAnswer}. */
  static WireJson parse(String text) {
    if (text == null || text.isBlank()) {
      throw new MalformedAnswer("empty body");
    }
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      reader.setLenient(false);
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw new MalformedAnswer("not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new MalformedAnswer("trailing data after the JSON object");
      }
      return new WireJson(map);
    } catch (IOException | RuntimeException e) {
      if (e instanceof MalformedAnswer) {
        throw (MalformedAnswer) e;
      }
      throw new MalformedAnswer("not valid JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        reader.beginObject();
        while (reader.hasNext()) {
          map.putIfAbsent(reader.nextName(), read(reader));
        }
        reader.endObject();
        return Collections.unmodifiableMap(map);
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new Number(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new MalformedAnswer("unexpected " + reader.peek());
    }
  }

  /** A string or number field as text; empty when absent, null or blank. */
  Optional<String> text(String name) {
    Object v = fields.get(name);
    if (v instanceof String || v instanceof WireJson.Number) {
      String s = v.toString();
      return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
    return Optional.empty();
  }

  /** A time field (ISO-8601, with an offset or taken as UTC); unreadable or absent: empty. */
  Optional<java.time.Instant> instant(String name) {
    return text(name).flatMap(WireInstants::parse);
  }

  /** A whole-number field; a non-number is a {@link MalformedAnswer} naming it. */
  Optional<Long> longValue(String name) {
    Optional<String> t = text(name);
    try {
      return t.map(Long::parseLong);
    } catch (NumberFormatException e) {
      throw new MalformedAnswer("field " + name + " is not a whole number");
    }
  }

  /** An int field. */
  Optional<Integer> intValue(String name) {
    return longValue(name).map(Math::toIntExact);
  }

  /** A boolean field. */
  Optional<Boolean> bool(String name) {
    Object v = fields.get(name);
    return v instanceof Boolean ? Optional.of((Boolean) v) : Optional.empty();
  }

  /** An object field; empty when absent or not an object. */
  @SuppressWarnings("unchecked")
  Optional<WireJson> object(String name) {
    Object v = fields.get(name);
    return v instanceof Map ? Optional.of(new WireJson((Map<String, Object>) v)) : Optional.empty();
  }

  /** The objects of an array field. */
  @SuppressWarnings("unchecked")
  List<WireJson> objects(String name) {
    Object v = fields.get(name);
    List<WireJson> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object o : (List<Object>) v) {
        if (o instanceof Map) {
          out.add(new WireJson((Map<String, Object>) o));
        }
      }
    }
    return out;
  }

  /** The first message of a Django-style error body: {@code detail} or the first field's. */
  @SuppressWarnings("unchecked")
  Optional<Map.Entry<String, String>> firstError() {
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      Object v = e.getValue();
      if (v instanceof List && !((List<Object>) v).isEmpty()) {
        v = ((List<Object>) v).get(0);
      }
      if (v instanceof String) {
        return Optional.of(Map.entry(e.getKey(), (String) v));
      }
    }
    return Optional.empty();
  }

  /** This object as JSON text again (keys in case-insensitive order, numbers as received). */
  String toJson() {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      write(writer, fields);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a Buffer does not fail
    }
    return buffer.readUtf8();
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonWriter w, Object v) throws IOException {
    if (v instanceof Map) {
      w.beginObject();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
        w.name(e.getKey());
        write(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof List) {
      w.beginArray();
      for (Object o : (List<Object>) v) {
        write(w, o);
      }
      w.endArray();
    } else if (v instanceof String) {
      w.value((String) v);
    } else if (v instanceof Number) {
      w.value((Number) v);
    } else if (v instanceof Boolean) {
      w.value((Boolean) v);
    } else {
      w.nullValue();
    }
  }

  /** A JSON number, kept as the text it was written as. */
  static final class Number extends java.lang.Number {
    private static final long serialVersionUID = 1L;
    private final String text;

    Number(String text) {
      this.text = text.toLowerCase(Locale.ROOT);
    }

    @Override
    public int intValue() {
      return new java.math.BigDecimal(text).intValue();
    }

    @Override
    public long longValue() {
      return new java.math.BigDecimal(text).longValue();
    }

    @Override
    public float floatValue() {
      return Float.parseFloat(text);
    }

    @Override
    public double doubleValue() {
      return Double.parseDouble(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
