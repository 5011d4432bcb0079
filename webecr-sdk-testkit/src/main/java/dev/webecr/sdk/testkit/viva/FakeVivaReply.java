package dev.webecr.sdk.testkit.viva;

import com.sun.net.httpserver.HttpExchange;
import dev.webecr.sdk.testkit.InjectedFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fake answers one request: decided under the fake's lock, sent after it is released, so
 * that webhooks posted before the answer and answers held back never block other requests.
 */
final class FakeVivaReply {
  private final int status;
  private final String body;
  private final boolean reset;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final List<Runnable> before = new ArrayList<>();
  private long holdMillis;

  private FakeVivaReply(int status, String body, boolean reset) {
    this.status = status;
    this.body = body;
    this.reset = reset;
  }

  static FakeVivaReply of(int status, String body) {
    return new FakeVivaReply(status, body, false);
  }

  /** The connection cut, no answer at all. */
  static FakeVivaReply reset() {
    return new FakeVivaReply(0, "", true);
  }

  /** The answer {@code fault} puts in place of what the request would have got. */
  static FakeVivaReply of(InjectedFault fault) {
    if (fault.isReset()) {
      return reset();
    }
    if (fault.isMalformed()) {
      return of(200, "{\"sessionId\": \"S-1\", \"success\": tr");
    }
    FakeVivaReply r =
        fault.status() > 0 ? of(fault.status(), "{\"detail\":\"Injected fault\"}") : null;
    if (r != null) {
      fault.retryAfterSeconds().ifPresent(s -> r.header("Retry-After", String.valueOf(s)));
    }
    return r;
  }

  /** This answer as {@code fault}, applied after the fake acted, changes it. */
  FakeVivaReply after(InjectedFault fault) {
    FakeVivaReply changed = of(fault);
    if (changed == null) {
      changed = this; // a delay: the same answer, later
    }
    changed.before.addAll(before);
    changed.holdMillis = fault.delay().map(d -> d.toMillis()).orElse(0L);
    return changed;
  }

  FakeVivaReply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Runs {@code work} (a webhook) before the answer leaves. */
  FakeVivaReply first(Runnable work) {
    before.add(work);
    return this;
  }

  void sendTo(HttpExchange x) throws IOException {
    before.forEach(Runnable::run);
    if (holdMillis > 0) {
      try {
        Thread.sleep(holdMillis); // a slow answer, as the fault asks: real time, by design
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (reset) {
      throw new IOException("the fake cuts the connection");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    headers.forEach((k, v) -> x.getResponseHeaders().set(k, v));
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }
}
