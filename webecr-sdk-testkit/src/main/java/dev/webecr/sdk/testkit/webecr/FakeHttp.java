package dev.webecr.sdk.testkit.webecr;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.webecr.sdk.testkit.InjectedFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fake WebECR server's HTTP side on the JDK's own server: every request goes to {@link
 * WebEcrRoutes} (or QA's {@link FakeControlRoutes}), with the faults asked for applied before or
 * after the fake acted. No third-party server: the testkit puts nothing on an ERP's test classpath
 * that could clash with its own libraries.
 */
final class FakeHttp {
  static {
    // the JDK server writes headers and body apart: without TCP_NODELAY each answer waits out
    // the client's delayed ACK (about 40 ms)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final WebEcrRoutes routes;
  private final FakeControlRoutes control;
  private final Consumer<RecordedRequest> record;
  private final Supplier<Instant> now;
  private final Function<Endpoint, InjectedFault> nextFault;
  private final Consumer<String> accessLog;
  private final String bindAddress;
  private final int wantedPort;
  private final ExecutorService threads;
  private HttpServer server;

  FakeHttp(
      String bindAddress,
      int port,
      WebEcrRoutes routes,
      FakeControlRoutes control,
      Consumer<RecordedRequest> record,
      Supplier<Instant> now,
      Function<Endpoint, InjectedFault> nextFault,
      Consumer<String> accessLog) {
    this.routes = routes;
    this.control = control;
    this.record = record;
    this.now = now;
    this.nextFault = nextFault;
    this.accessLog = accessLog;
    this.bindAddress = bindAddress;
    this.wantedPort = port;
    // a thread per request in flight: a server-side wait holds its own, never another's
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-webecr-http");
              t.setDaemon(true);
              return t;
            });
  }

  /** Binds and serves; a port in use fails here, with the bind's own exception as the cause. */
  void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(bindAddress, wantedPort), 0);
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + wantedPort, e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::serve);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    if (server != null) {
      server.stop(0);
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(HttpExchange x) throws IOException {
    long start = System.nanoTime();
    String method = x.getRequestMethod();
    String path = x.getRequestURI().getPath();
    String rawQuery = x.getRequestURI().getRawQuery();
    Map<String, String> query = rawQuery == null ? Map.of() : query(rawQuery);
    if (FakeControlRoutes.handles(path)) {
      // QA's own traffic: not logged, never faulted (the page polls twice a second)
      FakeControlRoutes.Answer a = control.handle(method, path, query);
      x.getResponseHeaders().set("Cache-Control", "no-store");
      send(x, a.status, a.contentType, a.body, null);
      return;
    }
    int status = 0; // the connection cut, if it stays 0
    try {
      status = answer(x, method, path, query);
    } finally {
      if (accessLog != null) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // never the query, headers or body: tokens, API keys and signatures travel there
        accessLog.accept(method + " " + path + " " + status + " " + ms + " ms");
      }
    }
  }

  /** Answers one API request; returns the status sent (0: the connection was cut). */
  private int answer(HttpExchange x, String method, String path, Map<String, String> query)
      throws IOException {
    Endpoint endpoint = WebEcrPaths.endpointOf(method, path);
    String body = new String(x.getRequestBody().readAllBytes(), UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    x.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
    record.accept(new RecordedRequest(method, path, query, headers, body, endpoint, now.get()));
    InjectedFault fault = nextFault.apply(endpoint);
    if (fault != null && !fault.afterProcessing()) {
      return fault(x, fault, null);
    }
    String host = x.getRequestHeaders().getFirst("Host");
    WebEcrRoutes.Reply reply =
        routes.handle(
            endpoint,
            new WebEcrRoutes.Request(
                method,
                path,
                query,
                x.getRequestHeaders()::getFirst,
                body,
                () -> "http://" + (host != null ? host : "127.0.0.1:" + port())));
    hold(reply.delayMillis);
    if (fault != null) {
      return fault(x, fault, reply);
    }
    send(x, reply.status, "application/json", reply.body, null);
    return reply.status;
  }

  private int fault(HttpExchange x, InjectedFault fault, WebEcrRoutes.Reply reply)
      throws IOException {
    if (fault.isReset()) {
      throw new IOException("the fake cuts the connection (injected)");
    }
    if (fault.isMalformed()) {
      send(x, 200, "application/json", "{\"Id\": 1, \"Status\": ", null);
      return 200;
    }
    if (fault.status() > 0) {
      send(
          x,
          fault.status(),
          "application/json",
          "{\"detail\":\"injected " + fault.status() + "\"}",
          fault.retryAfterSeconds().map(String::valueOf).orElse(null));
      return fault.status();
    }
    hold(fault.delay().map(d -> d.toMillis()).orElse(0L)); // a late answer
    send(x, reply.status, "application/json", reply.body, null);
    return reply.status;
  }

  private static void hold(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis); // a server-side wait or an injected delay: real time, by design
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(
      HttpExchange x, int status, String contentType, String body, String retryAfter)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    x.getResponseHeaders().set("Content-Type", contentType);
    if (retryAfter != null) {
      x.getResponseHeaders().set("Retry-After", retryAfter);
    }
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }

  /** The query's parameters, decoded; the first value of a repeated name wins. */
  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
      out.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8));
    }
    return out;
  }
}
