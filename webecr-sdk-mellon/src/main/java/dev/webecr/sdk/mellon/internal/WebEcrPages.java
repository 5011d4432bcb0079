package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The read side of WebECR as parsed JSON: one intent, and every page of the lists (intents, voids,
 * transactions, terminals), following {@code next}. Reads are retried by {@link MellonHttp}; an
 * unreadable answer surfaces as a public, retryable {@link ProviderRejectedException}.
 */
final class WebEcrPages {
  private static final int MAX_PAGES = 10_000;

  private final MellonHttp http;

  private final boolean directMode;
  private final HttpUrl base;

  WebEcrPages(MellonHttp http, boolean directMode, HttpUrl base) {
    this.http = http;
    this.directMode = directMode;
    this.base = base;
  }

  /** The terminal's API key; null in direct mode, where Retrofit then sends no header. */
  String keyOf(Terminal terminal) {
    return directMode ? null : terminal.requireApiKey().reveal();
  }

  /** One intent, with its raw body for the audit record (not serialised again). */
  Answer intent(Terminal terminal, String intentId) {
    String key = keyOf(terminal);
    return http.read(
        () ->
            http.api()
                .intent(
                    key, intentId, CallFacts.read("GET transactionintent/{id}", terminal.tid())));
  }

  List<WireJson> intents(Terminal terminal, Map<String, String> filters) {
    String key = keyOf(terminal);
    Map<String, String> query = withLimit(filters);
    return all(
        "GET transactionintent", terminal.tid(), key, f -> http.api().intents(key, query, f));
  }

  List<WireJson> voids(Terminal terminal) {
    String key = keyOf(terminal);
    return all(
        "GET txnvoid", terminal.tid(), key, f -> http.api().voids(key, terminal.callId(), f));
  }

  List<WireJson> transactions(Terminal terminal, Map<String, String> filters) {
    String key = keyOf(terminal);
    Map<String, String> query = withLimit(filters);
    return all("GET transaction", terminal.tid(), key, f -> http.api().transactions(key, query, f));
  }

  List<WireJson> terminals(String apiKey) {
    return all("GET terminal", null, apiKey, f -> http.api().terminals(apiKey, f));
  }

  private static Map<String, String> withLimit(Map<String, String> filters) {
    Map<String, String> query = new LinkedHashMap<>(filters);
    query.put(MellonWire.FILTER_LIMIT, MellonWire.PAGE_SIZE);
    return query;
  }

  /**
   * {@code next} when it points where the SDK was configured to go: a link to another scheme, host
   * or port is refused before anything (the token, the API key) is sent there.
   */
  private String sameOrigin(String what, String next) {
    HttpUrl url = HttpUrl.parse(next);
    boolean same =
        url != null
            && url.scheme().equals(base.scheme())
            && url.host().equalsIgnoreCase(base.host())
            && url.port() == base.port();
    if (!same) {
      throw new ProviderRejectedException(
          what
              + ": the next page points to "
              + (url == null ? "an unreadable address" : url.scheme() + "://" + url.host())
              + ", not to "
              + base.scheme()
              + "://"
              + base.host()
              + ": not followed, no credentials sent",
          200,
          "foreign_next_link",
          false);
    }
    return next;
  }

  /** The results of every page of a list. */
  private List<WireJson> all(
      String what, String tid, String key, Function<CallFacts, Answer> first) {
    List<WireJson> out = new ArrayList<>();
    Answer page = http.read(() -> first.apply(CallFacts.read(what, tid)));
    out.addAll(MellonMapper.results(page.json));
    Optional<String> next = MellonMapper.next(page.json);
    for (int n = 0; next.isPresent(); n++) {
      if (n > MAX_PAGES) {
        throw new ConnectionException(what + ": too many pages", false, null, null);
      }
      String url = sameOrigin(what, next.get());
      page = http.read(() -> http.api().page(key, url, CallFacts.read(what, tid)));
      out.addAll(MellonMapper.results(page.json));
      next = MellonMapper.next(page.json);
    }
    return out;
  }
}
