package dev.webecr.sdk.testkit.viva;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import dev.webecr.sdk.testkit.InjectedFault;
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
  private final FakeVivaControl control;

  FakeVivaRoutes(FakeVivaServer f) {
    this.f = f;
    this.control = new FakeVivaControl(f);
  }

  private static final String MERCHANT = "/ecr/v1/";
  private static final String ISV = "/ecr/isv/v1/";

  /** True for the API's own routes (either scheme), where faults and limits apply. */
  static boolean isApi(String path) {
    return path.startsWith(MERCHANT) || path.startsWith(ISV);
  }

  /** The answer to {@code x}, as {@code fault} (null: none) changes it, before or after acting. */
  FakeVivaReply answer(HttpExchange x, InjectedFault fault) throws IOException {
    FakeVivaReply instead = fault == null ? null : FakeVivaReply.of(fault);
    if (instead != null && !fault.afterProcessing()) {
      return instead; // nothing happened at the fake
    }
    FakeVivaReply reply = handle(x);
    return fault == null ? reply : reply.after(fault);
  }

  private FakeVivaReply handle(HttpExchange x) throws IOException {
    commitDue();
    String path = x.getRequestURI().getPath();
    String method = x.getRequestMethod();
    if (method.equals("POST") && path.equals("/connect/token")) {
      return token(x);
    }
    if (method.equals("GET") && path.equals(FakeVivaServer.KEY_PATH)) {
      return key(x);
    }
    if (FakeVivaControl.handles(path)) {
      return control.handle(method, path);
    }
    if (!isApi(path)) {
      return send(404, "{\"detail\":\"Not found\"}");
    }
    boolean isv = path.startsWith(ISV);
    String route = path.substring(isv ? ISV.length() : MERCHANT.length());
    boolean read = method.equals("GET") && route.startsWith("sessions/");
    boolean create = method.equals("POST") && route.startsWith("transactions:");
    if ((read || create) && f.revokeBefore.equals(method)) {
      f.revokeBefore = "";
      f.tokens.clear();
    }
    if (!authorised(x, isv)) {
      return send(401, EXPIRED);
    }
    FakeVivaReply limited =
        f.limits.check(read ? route.substring("sessions/".length()) : null, f.clock.instant());
    if (limited != null) {
      return limited;
    }
    if (method.equals("POST") && route.equals("devices:search")) {
      return isv && !readBody(x).contains("\"merchantId\"")
          ? send(400, "{\"detail\":\"merchantId is required\"}")
          : send(200, devices());
    } else if (create) {
      return create(x, route.substring("transactions:".length()), isv);
    } else if (method.equals("DELETE") && route.startsWith("sessions/")) {
      return abort(route.substring("sessions/".length()), x.getRequestURI().getQuery());
    } else if (read) {
      return read(route.substring("sessions/".length()));
    } else if (method.equals("GET") && route.equals("sessions")) {
      return list(x.getRequestURI().getQuery());
    }
    return send(404, "{\"detail\":\"Not found\"}");
  }

  /** §13: the webhook verification key, for the merchant's id and API key. */
  private FakeVivaReply key(HttpExchange x) {
    String basic = basic(FakeVivaServer.MERCHANT_ID, FakeVivaServer.API_KEY);
    if (!basic.equals(x.getRequestHeaders().getFirst("Authorization"))) {
      return send(401, "{\"detail\":\"Unauthorized\"}");
    }
    return send(200, "{\"Key\":\"" + f.events.key() + "\"}");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private FakeVivaReply token(HttpExchange x) throws IOException {
    String given = x.getRequestHeaders().getFirst("Authorization");
    boolean isv =
        basic(FakeVivaServer.ISV_CLIENT_ID, FakeVivaServer.ISV_CLIENT_SECRET).equals(given);
    String form = readBody(x);
    if (!isv && !basic(FakeVivaServer.CLIENT_ID, FakeVivaServer.CLIENT_SECRET).equals(given)) {
      return send(401, "{\"error\":\"invalid_client\"}");
    }
    if (!form.contains("grant_type=client_credentials")) {
      return send(400, "{\"error\":\"unsupported_grant_type\"}");
    }
    String token = "viva-token-" + (++f.minted);
    f.tokens.put(token, f.clock.instant().plus(f.tokenLifetime));
    if (isv) {
      f.isvTokens.add(token);
    }
    return send(
        200,
        "{\"access_token\":\""
            + token
            + "\",\"expires_in\":"
            + f.tokenLifetime.getSeconds()
            + ",\"token_type\":\"Bearer\"}");
  }

  /** A live token of the scheme's own credentials (an ISV's serves only the ISV paths). */
  private boolean authorised(HttpExchange x, boolean isv) {
    String header = x.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    String token = header.substring("Bearer ".length());
    Instant expiry = f.tokens.get(token);
    return expiry != null
        && f.clock.instant().isBefore(expiry)
        && f.isvTokens.contains(token) == isv;
  }

  private static String readBody(HttpExchange x) throws IOException {
    return new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
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

  private FakeVivaReply create(HttpExchange x, String kind, boolean isv) throws IOException {
    Map<String, Object> body;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed =
          (Map<String, Object>)
              JSON.fromJson(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      body = parsed;
    } catch (IOException | RuntimeException e) {
      return send(400, "{\"detail\":\"Invalid body\"}");
    }
    String missing = FakeVivaRules.missingField(body);
    if (missing != null) {
      return send(400, "{\"detail\":\"" + missing + " is required\"}");
    }
    if (isv) {
      String refused = FakeVivaRules.isvRefusal(body, kind);
      if (refused != null) {
        return send(
            refused.startsWith("isvDetails") ? 400 : 403, "{\"detail\":\"" + refused + "\"}");
      }
    }
    String sessionId = String.valueOf(body.get("sessionId"));
    f.posts.merge(sessionId, 1, Integer::sum);
    FakeVivaServer.CreateAnswer answer = f.nextCreate;
    f.nextCreate = FakeVivaServer.CreateAnswer.EMPTY_200;
    if (answer == FakeVivaServer.CreateAnswer.ERROR_500_NOT_STORED) {
      return send(500, "{\"detail\":\"Internal error\"}");
    }
    if (f.current.containsKey(sessionId)
        && f.repeat != FakeVivaServer.RepeatSession.SECOND_CHARGE) {
      return f.repeat == FakeVivaServer.RepeatSession.REJECT
          ? send(409, "{\"detail\":\"Session already exists\"}")
          : send(200, "");
    }
    if (f.lateCommit != null) {
      Instant due = f.clock.instant().plus(f.lateCommit);
      f.lateCommit = null;
      f.dueCommits.add(Map.entry(due, () -> store(body, kind, due)));
      return FakeVivaReply.reset(); // the answer lost, nothing kept yet
    }
    FakeVivaSession s = store(body, kind, f.clock.instant());
    FakeVivaReply reply =
        answer == FakeVivaServer.CreateAnswer.RESET_AFTER_STORE
            ? FakeVivaReply.reset()
            : send(answer == FakeVivaServer.CreateAnswer.ERROR_500_AFTER_STORE ? 500 : 200, "");
    f.events.created(s, reply);
    return reply;
  }

  private FakeVivaSession store(Map<String, Object> body, String kind, Instant at) {
    FakeVivaSession s =
        new FakeVivaSession(
            body, kind, at, f.all.size() + 1, f.rules.failureOf(body, kind, at), f.lateFlip);
    f.current.put(String.valueOf(body.get("sessionId")), s);
    f.all.add(s);
    return s;
  }

  /** Late commits whose time has come are kept now, dated when they were due. */
  private void commitDue() {
    Instant now = f.clock.instant();
    for (int i = 0; i < f.dueCommits.size(); i++) {
      if (!now.isBefore(f.dueCommits.get(i).getKey())) {
        f.dueCommits.remove(i--).getValue().run();
      }
    }
  }

  private FakeVivaReply abort(String sessionId, String query) {
    FakeVivaSession s = f.current.get(sessionId);
    if (s == null) {
      return send(404, "{\"detail\":\"Session not found\"}");
    }
    f.aborts.merge(sessionId, 1, Integer::sum);
    boolean sameRegister = ("cashRegisterId=" + s.cashRegisterId).equals(query);
    if (sameRegister && f.abortEffect == FakeVivaServer.AbortEffect.EFFECTIVE) {
      s.abort(f.clock.instant());
    }
    return send(200, "");
  }

  private FakeVivaReply read(String sessionId) {
    FakeVivaSession s = f.current.get(sessionId);
    Instant now = f.clock.instant();
    if (s == null || now.isBefore(s.createdAt.plus(f.visibilityLag))) {
      return send(404, "{\"detail\":\"Session not found\"}");
    } else if (!s.isFinal(now)) {
      return send(202, "{\"detail\":\"The session is being processed\"}");
    }
    return send(200, JSON.toJson(s.body(now)));
  }

  private FakeVivaReply list(String query) {
    LocalDate date;
    try {
      date = LocalDate.parse(query == null ? "" : query.replaceFirst("^date=", ""));
    } catch (RuntimeException e) {
      return send(400, "{\"detail\":\"date is required\"}");
    }
    Instant now = f.clock.instant();
    List<Object> out = new ArrayList<>();
    for (FakeVivaSession s : f.all) {
      boolean listed = s.isFinal(now) && !now.isBefore(s.endsAt().plus(f.listLag));
      if (listed && s.createdAt.atZone(FakeVivaSession.ATHENS).toLocalDate().equals(date)) {
        out.add(s.body(now));
      }
    }
    return send(200, JSON.toJson(out));
  }

  private static FakeVivaReply send(int status, String body) {
    return FakeVivaReply.of(status, body);
  }
}
