package dev.webecr.sdk.testkit.webecr;

import static dev.webecr.sdk.testkit.webecr.FakeJson.error;
import static dev.webecr.sdk.testkit.webecr.FakeJson.ok;

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
  private final FakeWebEcr fake;
  private final FakeAuth auth;
  private final WebEcrCreates creates;

  WebEcrRoutes(FakeWebEcr fake) {
    this.fake = fake;
    this.auth = new FakeAuth(fake);
    this.creates = new WebEcrCreates(fake);
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
  Reply handle(Endpoint endpoint, Request asSent) {
    fake.lateCommits.runDue(fake.clock().instant());
    String elsewhere = fake.behaviour().nextLinksTo();
    Request r =
        elsewhere == null
            ? asSent
            : new Request(
                asSent.method,
                asSent.path,
                asSent.query,
                asSent.header,
                asSent.body,
                () -> elsewhere);
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
          return creates.txnInit(r, terminalOf(txn));
        case TXNVOID:
          return creates.txnVoid(r, terminalOf(txn));
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

  /** The older API's list of a terminal's voids ({@code GET terminal/{id}/txnvoid/}). */
  private Reply voids(Request r, FakeTerminal terminal) {
    Instant now = fake.clock().instant();
    List<Map<String, Object>> out = new ArrayList<>();
    for (FakeIntent i : fake.listed()) {
      if (i.kind == TransactionType.VOID && i.terminal == terminal) {
        Map<String, Object> shown = WebEcrViews.intent(i, now, fake.behaviour());
        if (fake.behaviour().voidListWithoutTimestamp()) {
          shown.remove("Timestamp");
        }
        out.add(shown);
      }
    }
    return WebEcrViews.page(r, out);
  }

  private Reply intent(String id) {
    if (!fake.behaviour().singleIntentRoute()) {
      return error(404, "detail", "Not found.");
    }
    return fake.intent(id)
        .filter(i -> !(i.startedOnPos && fake.behaviour().posOnlyInTransactions()))
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
    for (FakeIntent i : fake.intentsOn(tid)) {
      boolean listed = declined ? i.hostRecordAt(now) : i.hasTransactionAt(now);
      listed &= !i.onOriginal; // such a void is only a mark on its original's record
      if (listed && (tid == null || i.terminal.tid().equals(tid)) && window.test(i)) {
        out.add(WebEcrViews.transaction(i, now, fake.behaviour()));
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
  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound() {
      super("Not found.", null, false, false);
    }
  }
}
