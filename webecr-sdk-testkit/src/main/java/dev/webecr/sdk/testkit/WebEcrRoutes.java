package dev.webecr.sdk.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.webecr.sdk.TransactionType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Mellon WebECR contract as the fake server answers it: tokens, pairing, terminals,
 * intents, transactions, paging, Django-style errors. Knows nothing of HTTP servers: a request
 * in, a reply out.
 */
final class WebEcrRoutes {
  private static final Pattern RESOURCE = Pattern.compile("^/api/v[0-9.]+/(.*)$");
  private static final Pattern TXN = Pattern.compile("^terminal/([^/]+)/(txninit|txnvoid)/$");
  private static final Pattern ONE_INTENT = Pattern.compile("^transactionintent/([^/]+)/$");
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final FakeWebEcr fake;
  private final Set<String> accessTokens = new HashSet<>();
  private final Set<String> refreshTokens = new HashSet<>();
  private int tokenSerial;

  WebEcrRoutes(FakeWebEcr fake) {
    this.fake = fake;
  }

  /** A request as the router sees it. */
  static final class Request {
    final String method;
    final String path;
    final Map<String, String> query;
    final Function<String, String> header;
    final String body;
    final String absoluteBase;

    Request(String method, String path, Map<String, String> query,
        Function<String, String> header, String body, String absoluteBase) {
      this.method = method;
      this.path = path;
      this.query = query;
      this.header = header;
      this.body = body;
      this.absoluteBase = absoluteBase;
    }
  }

  /** A reply: status and JSON body. */
  static final class Reply {
    final int status;
    final String body;

    Reply(int status, String body) {
      this.status = status;
      this.body = body;
    }
  }

  static Endpoint endpointOf(String method, String path) {
    if (path.equals("/api/token/")) {
      return Endpoint.TOKEN;
    }
    if (path.equals("/api/token/refresh/")) {
      return Endpoint.TOKEN_REFRESH;
    }
    Matcher m = RESOURCE.matcher(path);
    if (!m.matches()) {
      return Endpoint.OTHER;
    }
    String rest = m.group(1);
    if (rest.equals("authorization/redeem/")) {
      return Endpoint.REDEEM;
    }
    if (rest.equals("terminal/")) {
      return Endpoint.TERMINALS;
    }
    Matcher txn = TXN.matcher(rest);
    if (txn.matches()) {
      return txn.group(2).equals("txninit") ? Endpoint.TXNINIT : Endpoint.TXNVOID;
    }
    if (rest.equals("transactionintent/")) {
      return Endpoint.INTENTS;
    }
    if (ONE_INTENT.matcher(rest).matches()) {
      return Endpoint.INTENT;
    }
    return rest.equals("transaction/") ? Endpoint.TRANSACTIONS : Endpoint.OTHER;
  }

  synchronized Reply handle(Request r) {
    Endpoint endpoint = endpointOf(r.method, r.path);
    try {
      switch (endpoint) {
        case TOKEN: return token(r);
        case TOKEN_REFRESH: return refresh(r);
        case OTHER: return error(404, "detail", "Not found.");
        default: break;
      }
      if (!bearerValid(r)) {
        return error(401, "detail", "Given token not valid for any token type");
      }
      if (endpoint == Endpoint.REDEEM) {
        return redeem(r);
      }
      if (!fake.knows(r.header.apply("X-Api-Key"))) {
        return error(403, "detail", "Invalid API key.");
      }
      String rest = rest(r.path);
      switch (endpoint) {
        case TERMINALS: return WebEcrViews.page(r, WebEcrViews.terminals(fake));
        case TXNINIT: return txnInit(r, TXN.matcher(rest));
        case TXNVOID: return txnVoid(r, TXN.matcher(rest));
        case INTENT: return intent(ONE_INTENT.matcher(rest));
        case INTENTS: return intents(r);
        case TRANSACTIONS: return transactions(r);
        default: return error(404, "detail", "Not found.");
      }
    } catch (BadRequest e) {
      return error(400, e.field, e.getMessage());
    }
  }

  private static String rest(String path) {
    Matcher m = RESOURCE.matcher(path);
    return m.matches() ? m.group(1) : path;
  }

  private Reply token(Request r) {
    Map<String, Object> body = body(r);
    if (!FakeWebEcr.USERNAME.equals(body.get("username"))
        || !FakeWebEcr.PASSWORD.equals(body.get("password"))) {
      return error(401, "detail", "No active account found with the given credentials");
    }
    String refresh = "fake-refresh-" + (++tokenSerial);
    refreshTokens.add(refresh);
    return ok(Map.of("access", newAccess(), "refresh", refresh));
  }

  private Reply refresh(Request r) {
    if (!refreshTokens.contains(String.valueOf(body(r).get("refresh")))) {
      return error(401, "detail", "Token is invalid or expired");
    }
    return ok(Map.of("access", newAccess()));
  }

  private String newAccess() {
    long exp = fake.clock().instant().plus(Duration.ofHours(1)).getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String token = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(("{\"exp\":" + exp + ",\"jti\":" + (++tokenSerial) + "}")
            .getBytes(StandardCharsets.UTF_8)) + ".fake";
    accessTokens.add(token + "|" + exp);
    return token;
  }

  private boolean bearerValid(Request r) {
    String auth = r.header.apply("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return false;
    }
    String token = auth.substring(7);
    long now = fake.clock().instant().getEpochSecond();
    return accessTokens.stream().anyMatch(t -> t.startsWith(token + "|")
        && Long.parseLong(t.substring(t.indexOf('|') + 1)) > now);
  }

  private Reply redeem(Request r) {
    Map<String, Object> body = body(r);
    Optional<String> key = fake.redeem(String.valueOf(body.get("Code")));
    if (key.isEmpty() || !"webecr".equals(body.get("Type"))) {
      return error(400, "Code", "Invalid or expired code.");
    }
    return ok(Map.of("Id", key.get(), "Type", "webecr"));
  }

  private Reply txnInit(Request r, Matcher m) {
    m.matches();
    FakeTerminal terminal = fake.byCallId(m.group(1)).orElse(null);
    if (terminal == null) {
      return error(404, "detail", "Not found.");
    }
    Map<String, Object> b = body(r);
    int type = intField(b, "TxnType", 0);
    if (type != 0 && type != 1) {
      throw new BadRequest("TxnType", "The fake supports sale (0) and refund (1).");
    }
    long amount = longField(b, "Amount");
    if (amount <= 0) {
      throw new BadRequest("Amount", "Ensure this value is greater than 0.");
    }
    String reference = reference(b);
    if (!(b.get("ProviderData") instanceof Map)) {
      throw new BadRequest("ProviderData", "This field is required.");
    }
    Object inst = b.get("Instalments");
    FakeIntent intent = fake.create(terminal,
        type == 1 ? TransactionType.REFUND : TransactionType.SALE, amount,
        intField(b, "CurrencyCode", 978), reference,
        inst == null ? null : ((Number) inst).intValue(), stringOrNull(b.get("InitialTransaction")));
    return ok(WebEcrViews.intent(intent, fake.clock().instant()));
  }

  private Reply txnVoid(Request r, Matcher m) {
    m.matches();
    FakeTerminal terminal = fake.byCallId(m.group(1)).orElse(null);
    if (terminal == null) {
      return error(404, "detail", "Not found.");
    }
    Map<String, Object> b = body(r);
    String original = stringOrNull(b.get("OriginalIdentifier"));
    int kind = intField(b, "OriginalIdentifierType", 1);
    Optional<FakeIntent> o = original == null ? Optional.empty()
        : kind == 2 ? fake.byTransactionId(original) : fake.intent(original);
    if (o.isEmpty()) {
      throw new BadRequest("OriginalIdentifier", "No transaction matches the given identifier.");
    }
    String reference = b.get("CustomerReference") == null ? "void-of-" + o.get().id : reference(b);
    FakeIntent intent = fake.create(terminal, TransactionType.VOID, o.get().cents,
        o.get().currencyCode, reference, null, String.valueOf(o.get().id));
    return ok(WebEcrViews.intent(intent, fake.clock().instant()));
  }

  private Reply intent(Matcher m) {
    m.matches();
    return fake.intent(m.group(1)).map(i -> ok(WebEcrViews.intent(i, fake.clock().instant())))
        .orElseGet(() -> error(404, "detail", "Not found."));
  }

  private Reply intents(Request r) {
    Predicate<FakeIntent> keep = i -> true;
    String ref = r.query.get("CustomerReference");
    if (ref != null) {
      keep = keep.and(i -> i.reference.equals(ref));
    }
    String txnId = r.query.get("TransactionId");
    if (txnId != null) {
      keep = keep.and(i -> i.transactionId().equals(txnId));
    }
    Predicate<FakeIntent> window = inWindow(r, i -> i.createdAt);
    List<Map<String, Object>> out = new ArrayList<>();
    for (FakeIntent i : fake.intents()) {
      if (keep.and(window).test(i)) {
        out.add(WebEcrViews.intent(i, fake.clock().instant()));
      }
    }
    return WebEcrViews.page(r, out);
  }

  private Reply transactions(Request r) {
    String tid = r.query.get("TID");
    Instant now = fake.clock().instant();
    Predicate<FakeIntent> window = inWindow(r, FakeIntent::completedAt);
    List<Map<String, Object>> out = new ArrayList<>();
    for (FakeIntent i : fake.intents()) {
      if (i.hasTransactionAt(now) && (tid == null || i.terminal.tid().equals(tid))
          && window.test(i)) {
        out.add(WebEcrViews.transaction(i));
      }
    }
    return WebEcrViews.page(r, out);
  }

  private static Predicate<FakeIntent> inWindow(Request r, Function<FakeIntent, Instant> at) {
    Instant from = instant(r.query.get("Timestamp_min"), "Timestamp_min");
    Instant to = instant(r.query.get("Timestamp_max"), "Timestamp_max");
    return i -> (from == null || !at.apply(i).isBefore(from))
        && (to == null || at.apply(i).isBefore(to));
  }

  private static Instant instant(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(field, "Enter a valid date/time.");
    }
  }

  static int intParam(Request r, String name, int otherwise) {
    try {
      return r.query.containsKey(name) ? Integer.parseInt(r.query.get(name)) : otherwise;
    } catch (NumberFormatException e) {
      throw new BadRequest(name, "A valid integer is required.");
    }
  }

  private static String reference(Map<String, Object> b) {
    String ref = stringOrNull(b.get("CustomerReference"));
    if (ref == null || ref.isBlank()) {
      throw new BadRequest("CustomerReference", "This field is required.");
    }
    if (ref.length() > 50) {
      throw new BadRequest("CustomerReference",
          "Ensure this field has no more than 50 characters.");
    }
    return ref;
  }

  private static String stringOrNull(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Double && ((Double) o) == Math.rint((Double) o)) {
      return String.valueOf(((Double) o).longValue());
    }
    return o.toString();
  }

  private static long longField(Map<String, Object> b, String name) {
    Object v = b.get(name);
    if (!(v instanceof Number) || ((Number) v).doubleValue() != Math.rint(((Number) v).doubleValue())) {
      throw new BadRequest(name, "A valid integer is required.");
    }
    return ((Number) v).longValue();
  }

  private static int intField(Map<String, Object> b, String name, int otherwise) {
    return b.get(name) == null ? otherwise : (int) longField(b, name);
  }

  private static Map<String, Object> body(Request r) {
    try {
      Map<String, Object> m = r.body == null || r.body.isBlank() ? null : JSON.fromJson(r.body);
      if (m == null) {
        throw new BadRequest("detail", "JSON parse error - body is empty.");
      }
      return m;
    } catch (java.io.IOException | RuntimeException e) {
      if (e instanceof BadRequest) {
        throw (BadRequest) e;
      }
      throw new BadRequest("detail", "JSON parse error.");
    }
  }

  private static Reply ok(Map<String, Object> body) {
    return new Reply(200, JSON.serializeNulls().toJson(body));
  }

  private static Reply error(int status, String field, String message) {
    Object value = field.equals("detail") ? message : List.of(message);
    return new Reply(status, JSON.toJson(Map.of(field, value)));
  }

  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;

    BadRequest(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }
}
