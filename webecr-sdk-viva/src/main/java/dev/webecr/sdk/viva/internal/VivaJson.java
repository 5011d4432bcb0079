package dev.webecr.sdk.viva.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;

/**
 * A Viva answer read leniently: numbers kept as their exact text (a 21-digit {@code
 * aadeTransactionId}, an RRN with leading zeros), an id as a number or a string read the same,
 * unknown fields ignored. Anything that is not JSON is an {@link UnreadableAnswer}.
 */
final class VivaJson {
  private final Map<String, Object> fields;

  private VivaJson(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** Parses a JSON document: an object, or an array (of objects). */
  static Object parse(String text) {
    if (text == null || text.isBlank()) {
      throw new UnreadableAnswer("empty body");
    }
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      Object value = value(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new UnreadableAnswer("trailing data after the JSON");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableAnswer) {
        throw (UnreadableAnswer) e;
      }
      throw new UnreadableAnswer("not valid JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** An object. */
  static VivaJson object(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new UnreadableAnswer("not a JSON object");
    }
    return of(value);
  }

  /** The objects of a list: a bare array, or the first array an object holds. */
  static List<VivaJson> list(String text) {
    Object value = parse(text);
    if (value instanceof Map) {
      Object held = List.of();
      for (Object v : ((Map<?, ?>) value).values()) {
        if (v instanceof List) {
          held = v;
          break;
        }
      }
      value = held;
    }
    if (!(value instanceof List)) {
      throw new UnreadableAnswer("not a JSON list");
    }
    List<VivaJson> out = new ArrayList<>();
    for (Object item : (List<?>) value) {
      if (item instanceof Map) {
        out.add(of(item));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static VivaJson of(Object map) {
    return new VivaJson((Map<String, Object>) map);
  }

  /** A string or number, as text. */
  Optional<String> text(String key) {
    Object v = fields.get(key);
    return v instanceof String || v instanceof Num ? Optional.of(v.toString()) : Optional.empty();
  }

  /** The object written again as JSON, numbers as they were read (for the audit record). */
  String toJson() {
    Buffer out = new Buffer();
    try (JsonWriter writer = JsonWriter.of(out)) {
      write(writer, fields);
    } catch (IOException e) {
      throw new UnreadableAnswer("cannot write JSON (" + e.getClass().getSimpleName() + ")");
    }
    return out.readUtf8();
  }

  private static void write(JsonWriter w, Object v) throws IOException {
    if (v instanceof Map) {
      w.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        w.name(String.valueOf(e.getKey()));
        write(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof List) {
      w.beginArray();
      for (Object item : (List<?>) v) {
        write(w, item);
      }
      w.endArray();
    } else if (v instanceof Num) {
      w.jsonValue(new java.math.BigDecimal(v.toString()));
    } else if (v instanceof Boolean) {
      w.value((Boolean) v);
    } else if (v == null) {
      w.nullValue();
    } else {
      w.value(v.toString());
    }
  }

  /** A JSON number, kept as the text it was written as. */
  private static final class Num {
    private final String text;

    Num(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** A nested object. */
  Optional<VivaJson> child(String key) {
    Object v = fields.get(key);
    return v instanceof Map ? Optional.of(of(v)) : Optional.empty();
  }

  /** A boolean ({@code true}/{@code false}, or their text). */
  Optional<Boolean> bool(String key) {
    Object v = fields.get(key);
    if (v instanceof Boolean) {
      return Optional.of((Boolean) v);
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Optional.of(Boolean.parseBoolean((String) v));
    }
    return Optional.empty();
  }

  /** A whole number; a fraction or text that is no number is empty. */
  Optional<Long> number(String key) {
    return text(key)
        .flatMap(
            t -> {
              try {
                return Optional.of(Long.parseLong(t.trim()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  private static Object value(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.putIfAbsent(reader.nextName(), value(reader));
        }
        reader.endObject();
        return Collections.unmodifiableMap(map);
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(value(reader));
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new Num(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new UnreadableAnswer("unexpected " + reader.peek());
    }
  }
}
