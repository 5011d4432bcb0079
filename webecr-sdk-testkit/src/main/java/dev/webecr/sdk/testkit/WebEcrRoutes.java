package dev.webecr.sdk.testkit;

import static dev.webecr.sdk.testkit.FakeJson.error;
import static dev.webecr.sdk.testkit.FakeJson.intField;
import static dev.webecr.sdk.testkit.FakeJson.longField;
import static dev.webecr.sdk.testkit.FakeJson.ok;
import static dev.webecr.sdk.testkit.FakeJson.stringOrNull;

import dev.webecr.sdk.TransactionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Mellon WebECR contract as the fake server answers it: tokens, pairing, terminals, intents,
 * transactions, paging, Django-style errors. Knows nothing of HTTP servers: a request in, a reply
 * out. Where real behaviour is known it does exactly that (voids carry and echo no reference; a
 * repeated reference makes a new intent); {@link WebEcrBehaviour} switches the rest.
 */
final class WebEcrRoutes {
  private static final int MAX_TXN_TYPE = 9;

  private final FakeWebEcr fake;
  private final FakeAuth auth;

  WebEcrRoutes(FakeWebEcr fake) {
    this.fake = fake;
    this.auth = new FakeAuth(fake);
  }

  /** A request as the router sees it. */
  static final class Request {
    final String method;
    final String path;
    final Map<String, String> query;
    final Function<String, String> header;
    final String body;

    /** The server's absolute base URL, for paging links: built only when a list needs it. */
    final java.util.function.Supplier<String> absoluteBase;

    Request(
        String method,
        String path,
        Map<String, String> query,
        Function<String, String> header,
        String body,
        java.util.function.Supplier<String> absoluteBase) {
      this.method = method;
      this.path = path;
      this.query = query;
      this.header = header;
      this.body = body;
      this.absoluteBase = absoluteBase;
    }
  }

  /** A reply: status, JSON body, and how long to hold it (a create's server-side wait). */
  static final class Reply {
    final int status;
    final String body;
    final long delayMillis;

    Reply(int status, String body) {
      this(status, body, 0);
    }

    Reply(int status, String body, long delayMillis) {
      this.status = status;
      this.body = body;
      this.delayMillis = delayMillis;
    }
  }

  /** Answers one request; a create with {@code Timeout} may hold its answer (not under a lock). */
  Reply handle(Endpoint endpoint, Request r) {
    try {
      switch (endpoint) {
        case TOKEN:
          return auth.token(r.body);
        case TOKEN_REFRESH:
          return auth.refresh(r.body);
        case OTHER:
          return error(404, "detail", "Not found.");
        default:
          break;
      }
      if (!auth.bearerValid(r.header.apply("Authorization"))) {
        return error(401, "detail", "Given token not valid for any token type");
      }
      if (endpoint == Endpoint.REDEEM) {
        return redeem(r);
      }
      String key = r.header.apply("X-Api-Key");
      boolean direct = key == null && fake.behaviour().directMode();
      if (!direct && !fake.pairings.knows(key)) {
        return error(403, "detail", "Invalid API key.");
      }
      String resource = WebEcrPaths.resource(r.path);
      String txn = WebEcrPaths.txnTerminal(resource);
      String one = WebEcrPaths.intentId(resource);
      switch (endpoint) {
        case TERMINALS:
          return WebEcrViews.page(r, WebEcrViews.terminals(fake));
        case TXNINIT:
          return txnInit(r, terminalOf(txn));
        case TXNVOID:
          return txnVoid(r, terminalOf(txn));
        case VOIDS:
          return voids(r, terminalOf(txn));
        case INTENT:
          return one != null ? intent(one) : error(404, "detail", "Not found.");
        case INTENTS:
          return intents(r);
        case TRANSACTIONS:
          return transactions(r);
        default:
          return error(404, "detail", "Not found.");
      }
    } catch (FakeJson.BadRequest e) {
      return error(400, e.field, e.getMessage());
    } catch (NotFound e) {
      return error(404, "detail", "Not found.");
    }
  }

  private FakeTerminal terminalOf(String callId) {
    if (callId == null) {
      throw new NotFound();
    }
    return fake.byCallId(callId).orElseThrow(NotFound::new);
  }

  private Reply redeem(Request r) {
    Map<String, Object> body = FakeJson.body(r.body);
    Optional<String> key = fake.pairings.redeem(String.valueOf(body.get("Code")));
    if (key.isEmpty() || !"webecr".equals(body.get("Type"))) {
      return error(400, "Code", "Invalid or expired code.");
    }
    return ok(Map.of("Id", key.get(), "Type", "webecr"));
  }

  private Reply txnInit(Request r, FakeTerminal terminal) {
    Map<String, Object> b = FakeJson.body(r.body);
    int type = intField(b, "TxnType", 0);
    if (type < 0 || type > MAX_TXN_TYPE) {
      throw new FakeJson.BadRequest("TxnType", "\"" + type + "\" is not a valid choice.");
    }
    long amount = longField(b, "Amount");
    if (amount <= 0) {
      throw new FakeJson.BadRequest("Amount", "Ensure this value is greater than 0.");
    }
    String reference = FakeJson.reference(b);
    Object providerData = b.get("ProviderData");
    if (providerData != null && !(providerData instanceof Map)) { // absent: an unsigned series
      throw new FakeJson.BadRequest("ProviderData", "Expected a dictionary of items.");
    }
    Object inst = b.get("Instalments");
    FakeIntent intent =
        fake.create(
            terminal,
            KIND_BY_TXN_TYPE.get(type),
            type,
            amount,
            intField(b, "CurrencyCode", 978),
            reference,
            inst == null ? null : ((Number) inst).intValue(),
            null,
            stringOrNull(b.get("InitialTransaction")));
    FakeTxnOptions.apply(intent, b, fake.clock().instant(), fake.behaviour());
    return waited(intent, b);
  }

  /** The fake's own reading of TxnType (the SDK keeps its table elsewhere; they must agree). */
  private static final java.util.List<TransactionType> KIND_BY_TXN_TYPE =
      java.util.List.of(
          TransactionType.SALE,
          TransactionType.REFUND,
          TransactionType.PRE_AUTHORISATION,
          TransactionType.PRE_AUTH_COMPLETION,
          TransactionType.MAIL_ORDER,
          TransactionType.CASH_ADVANCE,
          TransactionType.CARD_PAYMENT,
          TransactionType.BILL_PAYMENT,
          TransactionType.OTHER_PAYMENT,
          TransactionType.PRE_PAYMENT);

  /** The create's answer as it stands when its server-side wait ends. */
  private Reply waited(FakeIntent intent, Map<String, Object> body) {
    Instant now = fake.clock().instant();
    Instant due =
        fake.answerDue(intent, body.get("Timeout") == null ? 0 : longField(body, "Timeout"));
    Reply shown = ok(WebEcrViews.intent(intent, due, fake.behaviour()));
    long delay = Math.max(0, java.time.Duration.between(now, due).toMillis());
    return fake.clock() instanceof TestClock ? shown : new Reply(shown.status, shown.body, delay);
  }

  /** A void: the real body has no CustomerReference, so the void intent has none either. */
  private Reply txnVoid(Request r, FakeTerminal terminal) {
    Map<String, Object> b = FakeJson.body(r.body);
    String original = stringOrNull(b.get("OriginalIdentifier"));
    int kind = intField(b, "OriginalIdentifierType", 1);
    Optional<FakeIntent> o =
        original == null
            ? Optional.empty()
            : kind == 2 ? fake.byTransactionId(original) : fake.intent(original);
    if (o.isEmpty()) {
      throw new FakeJson.BadRequest(
          "OriginalIdentifier", "No transaction matches the given identifier.");
    }
    FakeIntent intent =
        fake.create(
            terminal,
            TransactionType.VOID,
            -1,
            o.get().cents,
            o.get().currencyCode,
            null,
            null,
            o.get(),
            String.valueOf(o.get().id));
    return waited(intent, b);
  }

  /** The older API's list of a terminal's voids ({@code GET terminal/{id}/txnvoid/}). */
  private Reply voids(Request r, FakeTerminal terminal) {
    Instant now = fake.clock().instant();
    List<Map<String, Object>> out = new ArrayList<>();
    for (FakeIntent i : fake.listed()) {
      if (i.kind == TransactionType.VOID && i.terminal == terminal) {
        out.add(WebEcrViews.intent(i, now, fake.behaviour()));
      }
    }
    return WebEcrViews.page(r, out);
  }

  private Reply intent(String id) {
    if (!fake.behaviour().singleIntentRoute()) {
      return error(404, "detail", "Not found.");
    }
    return fake.intent(id)
        .map(i -> ok(WebEcrViews.intent(i, fake.clock().instant(), fake.behaviour())))
        .orElseGet(() -> error(404, "detail", "Not found."));
  }

  private Reply intents(Request r) {
    Instant now = fake.clock().instant();
    Predicate<FakeIntent> keep = inWindow(r, i -> i.createdAt);
    String ref = r.query.get("CustomerReference");
    if (ref != null) {
      keep = keep.and(i -> ref.equals(i.reference));
    }
    String txnId = r.query.get("TransactionId");
    if (txnId != null) {
      keep = keep.and(i -> i.answersTransactionId(txnId, now));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (FakeIntent i : ref != null ? fake.listedUnder(ref) : fake.listed()) {
      if (keep.test(i)) {
        out.add(WebEcrViews.intent(i, now, fake.behaviour()));
      }
    }
    return WebEcrViews.page(r, out);
  }

  private Reply transactions(Request r) {
    String tid = r.query.get("TID");
    Instant now = fake.clock().instant();
    boolean declined = fake.behaviour().listDeclinedTransactions();
    Predicate<FakeIntent> window = inWindow(r, FakeIntent::completedAt);
    List<Map<String, Object>> out = new ArrayList<>();
    for (FakeIntent i : fake.intents()) {
      boolean listed = declined ? i.hostRecordAt(now) : i.hasTransactionAt(now);
      if (listed && (tid == null || i.terminal.tid().equals(tid)) && window.test(i)) {
        out.add(WebEcrViews.transaction(i, now));
      }
    }
    return WebEcrViews.page(r, out);
  }

  private static Predicate<FakeIntent> inWindow(Request r, Function<FakeIntent, Instant> at) {
    Instant from = FakeJson.instant(r.query.get("Timestamp_min"), "Timestamp_min");
    Instant to = FakeJson.instant(r.query.get("Timestamp_max"), "Timestamp_max");
    return i ->
        (from == null || !at.apply(i).isBefore(from)) && (to == null || at.apply(i).isBefore(to));
  }

  /** Not found: 404 with Django's detail. */
  private static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound() {
      super("Not found.", null, false, false);
    }
  }
}
