package dev.webecr.sdk.testkit.webecr;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One request the fake WebECR server received, as the SDK sent it: method, path, query, headers
 * (credentials redacted), the body as text and parsed, the endpoint, and when it came on the fake's
 * clock. For a test that checks what the SDK sent ({@link FakeWebEcrServer#requests(Endpoint)},
 * {@link FakeWebEcrServer#takeRequest()}, {@link FakeWebEcrAssert}). Its {@code toString()} shows
 * method and path only: bodies carry signatures.
 */
public final class RecordedRequest {
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "x-api-key", "cookie", "proxy-authorization");

  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Map<String, String> headers;
  private final String body;
  private final Endpoint endpoint;
  private final Instant at;

  RecordedRequest(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body,
      Endpoint endpoint,
      Instant at) {
    this.method = method;
    this.path = path;
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    Map<String, String> shown = new LinkedHashMap<>();
    headers.forEach(
        (k, v) ->
            shown.put(
                k.toLowerCase(Locale.ROOT),
                SECRET_HEADERS.contains(k.toLowerCase(Locale.ROOT)) ? "****" : v));
    this.headers = Collections.unmodifiableMap(shown);
    this.body = body;
    this.endpoint = endpoint;
    this.at = at;
  }

  /** {@code GET}, {@code POST}... */
  public String method() {
    return method;
  }

  /** The path, decoded. */
  public String path() {
    return path;
  }

  /** The query parameters, decoded; the first of a repeated name. */
  public Map<String, String> query() {
    return query;
  }

  /**
   * The headers by lower-case name; {@code Authorization} and {@code X-Api-Key} as {@code ****}.
   */
  public Map<String, String> headers() {
    return headers;
  }

  /** The header {@code name} (any case), redacted if it carries a credential. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The body as received (it may carry the provider signature); empty when there was none. */
  public String body() {
    return body;
  }

  /** The body parsed as a JSON object; empty when it is not one. */
  public Map<String, Object> json() {
    try {
      return FakeJson.body(body);
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  /** The body's top-level field {@code name}, as parsed (numbers as doubles). */
  public Optional<Object> field(String name) {
    return Optional.ofNullable(json().get(name));
  }

  /** Which WebECR endpoint it was. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** When it came, on the fake's clock. */
  public Instant at() {
    return at;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
