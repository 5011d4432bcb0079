package dev.webecr.sdk.testkit.viva;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake's HTTP side (viva-cloud-terminal §3–§7): each route reads and changes its server's
 * state, called with the server's lock held.
 */
final class FakeVivaRoutes {
  static {
    // the JDK server writes headers and body apart: without TCP_NODELAY each answer waits out
    // the client's delayed ACK (about 40 ms)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final String EXPIRED = "{\"detail\":\"Could not validate credentials\"}";

  private final FakeVivaServer f;

  FakeVivaRoutes(FakeVivaServer f) {
    this.f = f;
  }

  void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String method = x.getRequestMethod();
    if (method.equals("POST") && path.equals("/connect/token")) {
      token(x);
      return;
    }
    if (!path.startsWith("/ecr/v1/")) {
      send(x, 404, "{\"detail\":\"Not found\"}");
      return;
    }
    boolean read = method.equals("GET") && path.startsWith("/ecr/v1/sessions/");
    boolean create = method.equals("POST") && path.startsWith("/ecr/v1/transactions:");
    if ((read || create) && f.revokeBefore.equals(method)) {
      f.revokeBefore = "";
      f.tokens.clear();
    }
    if (!authorised(x)) {
      send(x, 401, EXPIRED);
      return;
    }
    String route = path.substring("/ecr/v1/".length());
    if (method.equals("POST") && route.equals("devices:search")) {
      send(x, 200, devices());
    } else if (method.equals("POST") && route.startsWith("transactions:")) {
      create(x, route.substring("transactions:".length()));
    } else if (method.equals("DELETE") && route.startsWith("sessions/")) {
      abort(x, route.substring("sessions/".length()), x.getRequestURI().getQuery());
    } else if (method.equals("GET") && route.startsWith("sessions/")) {
      read(x, route.substring("sessions/".length()));
    } else if (method.equals("GET") && route.equals("sessions")) {
      list(x, x.getRequestURI().getQuery());
    } else {
      send(x, 404, "{\"detail\":\"Not found\"}");
    }
  }

  private void token(HttpExchange x) throws IOException {
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (FakeVivaServer.CLIENT_ID + ":" + FakeVivaServer.CLIENT_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
    String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!basic.equals(x.getRequestHeaders().getFirst("Authorization"))) {
      send(x, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    if (!form.contains("grant_type=client_credentials")) {
      send(x, 400, "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    String token = "viva-token-" + (++f.minted);
    f.tokens.put(token, f.clock.instant().plus(f.tokenLifetime));
    send(
        x,
        200,
        "{\"access_token\":\""
            + token
            + "\",\"expires_in\":"
            + f.tokenLifetime.getSeconds()
            + ",\"token_type\":\"Bearer\"}");
  }

  private boolean authorised(HttpExchange x) {
    String header = x.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    Instant expiry = f.tokens.get(header.substring("Bearer ".length()));
    return expiry != null && f.clock.instant().isBefore(expiry);
  }

  private static String devices() {
    List<Object> out = new ArrayList<>();
    for (FakeVivaTerminal t : FakeVivaTerminal.values()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("terminalId", Long.parseLong(t.terminalId()));
      d.put("statusId", 1);
      d.put("sourceCode", "Default");
      d.put("virtualTerminalId", "V" + t.terminalId());
      out.add(d);
    }
    return JSON.toJson(out);
  }

  private void create(HttpExchange x, String kind) throws IOException {
    Map<String, Object> body;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed =
          (Map<String, Object>)
              JSON.fromJson(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      body = parsed;
    } catch (IOException | RuntimeException e) {
      send(x, 400, "{\"detail\":\"Invalid body\"}");
      return;
    }
    String missing = FakeVivaRules.missingField(body);
    if (missing != null) {
      send(x, 400, "{\"detail\":\"" + missing + " is required\"}");
      return;
    }
    String sessionId = String.valueOf(body.get("sessionId"));
    f.posts.merge(sessionId, 1, Integer::sum);
    FakeVivaServer.CreateAnswer answer = f.nextCreate;
    f.nextCreate = FakeVivaServer.CreateAnswer.EMPTY_200;
    if (answer == FakeVivaServer.CreateAnswer.ERROR_500_NOT_STORED) {
      send(x, 500, "{\"detail\":\"Internal error\"}");
      return;
    }
    if (f.current.containsKey(sessionId)
        && f.repeat != FakeVivaServer.RepeatSession.SECOND_CHARGE) {
      if (f.repeat == FakeVivaServer.RepeatSession.REJECT) {
        send(x, 409, "{\"detail\":\"Session already exists\"}");
      } else {
        send(x, 200, "");
      }
      return;
    }
    FakeVivaSession s =
        new FakeVivaSession(
            body,
            kind,
            f.clock.instant(),
            f.all.size() + 1,
            f.rules.failureOf(body, kind, f.clock.instant()));
    f.current.put(sessionId, s);
    f.all.add(s);
    if (answer == FakeVivaServer.CreateAnswer.RESET_AFTER_STORE) {
      throw new IOException("the fake cuts the connection after storing " + sessionId);
    }
    send(x, answer == FakeVivaServer.CreateAnswer.ERROR_500_AFTER_STORE ? 500 : 200, "");
  }

  private void abort(HttpExchange x, String sessionId, String query) throws IOException {
    FakeVivaSession s = f.current.get(sessionId);
    if (s == null) {
      send(x, 404, "{\"detail\":\"Session not found\"}");
      return;
    }
    f.aborts.merge(sessionId, 1, Integer::sum);
    boolean sameRegister = ("cashRegisterId=" + s.cashRegisterId).equals(query);
    if (sameRegister && f.abortEffect == FakeVivaServer.AbortEffect.EFFECTIVE) {
      s.abort(f.clock.instant());
    }
    send(x, 200, "");
  }

  private void read(HttpExchange x, String sessionId) throws IOException {
    FakeVivaSession s = f.current.get(sessionId);
    Instant now = f.clock.instant();
    if (s == null || now.isBefore(s.createdAt.plus(f.visibilityLag))) {
      send(x, 404, "{\"detail\":\"Session not found\"}");
    } else if (!s.isFinal(now)) {
      send(x, 202, "{\"detail\":\"The session is being processed\"}");
    } else {
      send(x, 200, JSON.toJson(s.body()));
    }
  }

  private void list(HttpExchange x, String query) throws IOException {
    LocalDate date;
    try {
      date = LocalDate.parse(query == null ? "" : query.replaceFirst("^date=", ""));
    } catch (RuntimeException e) {
      send(x, 400, "{\"detail\":\"date is required\"}");
      return;
    }
    Instant now = f.clock.instant();
    List<Object> out = new ArrayList<>();
    for (FakeVivaSession s : f.all) {
      boolean listed = s.isFinal(now) && !now.isBefore(s.endsAt().plus(f.listLag));
      if (listed && s.createdAt.atZone(FakeVivaSession.ATHENS).toLocalDate().equals(date)) {
        out.add(s.body());
      }
    }
    send(x, 200, JSON.toJson(out));
  }

  private static void send(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      x.getResponseBody().write(bytes);
    }
    x.close();
  }
}
