package dev.webecr.sdk.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.viva.VivaWebhooks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Viva's webhooks mounted on the JDK's own HTTP server, for an ERP without a web framework: Viva
 * calls {@code https://<your host>/viva/<urlToken>} (GET to check the key, POST for each event).
 * Put it behind your TLS terminator; the token in the path is the only thing that keeps strangers
 * out, since Viva signs nothing.
 *
 * <pre>{@code
 * HttpServer server = VivaWebhookServer.start(8443, VivaWebhooks.of(key, urlToken, client));
 * }</pre>
 */
public final class VivaWebhookServer {
  private VivaWebhookServer() {}

  /** Serves {@code hooks} under {@code /viva/} on {@code port}; returns the running server. */
  public static HttpServer start(int port, VivaWebhooks hooks) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/viva/", x -> answer(x, hooks));
    server.start();
    return server;
  }

  /** The hooks of {@code client}, for the key Viva gave and a token of your own choosing. */
  public static VivaWebhooks hooks(String verificationKey, String urlToken, PosClient client) {
    return VivaWebhooks.of(verificationKey, urlToken, client);
  }

  private static void answer(HttpExchange x, VivaWebhooks hooks) throws IOException {
    String token = x.getRequestURI().getPath().substring("/viva/".length());
    VivaWebhooks.Answer a;
    if ("GET".equals(x.getRequestMethod())) {
      a = hooks.onGet(token);
    } else if ("POST".equals(x.getRequestMethod())) {
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      a = hooks.onPost(token, body);
    } else {
      a = null;
    }
    byte[] bytes = a == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(a == null ? 405 : a.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }
}
