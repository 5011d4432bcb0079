package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the fake WebECR server shows terminals, intents, transactions and pages as JSON. */
final class WebEcrViews {

  private WebEcrViews() {}

  static List<Map<String, Object>> terminals(FakeWebEcr fake) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FakeTerminal t : fake.terminals()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", Long.parseLong(t.callId()));
      m.put("TerminalID", t.tid());
      m.put("FriendlyName", t.label());
      m.put("TerminalType", "FAKE-" + t.profile());
      m.put("Merchant", "000001234567");
      m.put("Acquirer", "FAKE");
      m.put("Locked", false);
      m.put("CurrentBatchNumber", 1);
      out.add(m);
    }
    return out;
  }

  /**
   * An intent as WebECR shows it. A void shows no CustomerReference, no OriginalIdentifier and no
   * TxnType (the evidence shows none echoed); nothing in it says it is a void.
   */
  static Map<String, Object> intent(FakeIntent i, Instant now, WebEcrBehaviour behaviour) {
    IntentStatus status = i.statusAt(now);
    IntentResult result = i.resultAt(now);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", i.id);
    m.put("Status", status.code());
    m.put("Result", result == null ? null : result.code());
    m.put("Terminal", Long.parseLong(i.terminal.callId()));
    // a void recorded on its original names the original's record and TransactionId
    FakeIntent record = i.onOriginal ? i.original : i;
    if (i.hasTransactionAt(now)) {
      m.put(
          "Transaction",
          behaviour.transactionAsObject()
              ? embedded(transaction(record, now, behaviour), behaviour)
              : Long.parseLong(record.transactionRecordId()));
    } else {
      m.put("Transaction", null);
    }
    if (result == IntentResult.APPROVED || (i.onOriginal && result != null)) {
      m.put("TransactionId", record.transactionId());
    }
    if (i.txnType >= 0) {
      m.put("TxnType", i.txnType);
    }
    m.put("Amount", i.cents);
    m.put("CurrencyCode", i.currencyCode);
    m.put("CustomerReference", i.reference);
    if (i.paymentType != null) {
      m.put("PaymentType", i.paymentType);
    }
    if (i.tipCents != null) {
      m.put("TipAmount", i.tipCents);
    }
    if (i.installments != null) {
      m.put("Instalments", i.installments);
    }
    m.put("Timestamp", i.createdAt.toString());
    return m;
  }

  /** An embedded record: without {@code Approved} unless the behaviour says it is carried. */
  private static Map<String, Object> embedded(Map<String, Object> t, WebEcrBehaviour behaviour) {
    if (!behaviour.embeddedApproved()) {
      t.remove("Approved");
    }
    return t;
  }

  /** The card transaction of an intent, approved or (where listed) declined by the host. */
  static Map<String, Object> transaction(FakeIntent i, Instant now, WebEcrBehaviour behaviour) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", Long.parseLong(i.transactionRecordId()));
    m.put("RRN", i.rrn());
    m.put("AuthCode", i.hasTransactionAt(now) ? i.authCode() : null);
    m.put("STAN", i.stan());
    m.put("TID", i.terminal.tid());
    m.put("MID", "000001234567");
    m.put("CardType", "VISA");
    m.put("CardPAN", "411111******1111");
    m.put("Approved", i.hasTransactionAt(now));
    boolean voided = i.voidedAt(now);
    m.put("Voided", voided);
    m.put("VoidTimestamp", voided ? i.voidTimestamp().toString() : null);
    m.put("Timestamp", i.completedAt().toString());
    m.put("TxnType", Math.max(0, i.txnType));
    m.put("Amount", i.cents);
    m.put("CustomerReference", i.reference);
    boolean iris = behaviour.customerChoosesIris() || Integer.valueOf(1).equals(i.paymentType);
    m.put("PaymentType", iris ? 1 : 0);
    if (iris) {
      m.put("EndToEndReferenceID", "IRIS" + i.transactionId()); // [assumed] name and form
    }
    return m;
  }

  static WebEcrRoutes.Reply page(WebEcrRoutes.Request r, List<Map<String, Object>> all) {
    int limit = Math.max(1, Math.min(1000, FakeJson.intParam(r, "limit", 100)));
    int offset = Math.max(0, FakeJson.intParam(r, "offset", 0));
    List<Map<String, Object>> slice =
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("count", all.size());
    page.put("next", offset + limit < all.size() ? link(r, limit, offset + limit) : null);
    page.put("previous", offset > 0 ? link(r, limit, Math.max(0, offset - limit)) : null);
    page.put("results", slice);
    return new WebEcrRoutes.Reply(200, FakeJson.write(page));
  }

  private static String link(WebEcrRoutes.Request r, int limit, int offset) {
    StringBuilder url = new StringBuilder(r.absoluteBase.get() + r.path + "?");
    for (Map.Entry<String, String> q : r.query.entrySet()) {
      if (!q.getKey().equals("limit") && !q.getKey().equals("offset")) {
        url.append(q.getKey())
            .append('=')
            .append(java.net.URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return url.append("limit=").append(limit).append("&offset=").append(offset).toString();
  }
}
