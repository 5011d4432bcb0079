package dev.webecr.sdk.testkit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result files the fake RRPay writes, and the fiscal receipts it numbers. */
final class FakeRrPayReceipts {
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private int receipts;

  synchronized int printed() {
    return receipts;
  }

  synchronized String result(String id, long total, FakeRrPay.Outcome outcome) {
    if (outcome == FakeRrPay.Outcome.MALFORMED) {
      return "{\"version\":1,\"id\":\"" + id + "\",\"outcome\":";
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1);
    m.put("id", id);
    if (outcome == FakeRrPay.Outcome.CANCELLED || outcome == FakeRrPay.Outcome.FAILED) {
      m.put("outcome", outcome == FakeRrPay.Outcome.CANCELLED ? "cancelled" : "failed");
      m.put("tenders", List.of());
      return JSON.toJson(m);
    }
    receipts++;
    m.put("outcome", "paid");
    m.put("receipt", Map.of("number", String.format("FK%06d", receipts), "register", "EKA-0001",
        "dateTime", LocalDateTime.of(2026, 11, 22, 12, 0).plusMinutes(receipts).toString()));
    Map<String, Object> card = Map.of("maskedPan", "520000******0007", "authCode", "A" + receipts,
        "terminalId", "T0000001");
    long rounding = 0;
    if (outcome == FakeRrPay.Outcome.CASH) {
      long paid = Math.round(total / 5.0) * 5;
      rounding = total - paid;
      m.put("tenders", List.of(Map.of("credit", 1, "amount", paid)));
    } else if (outcome == FakeRrPay.Outcome.CARD_AND_CASH) {
      long byCard = Math.min(1000, total - 1);
      long rest = total - byCard;
      long paid = Math.round(rest / 5.0) * 5;
      rounding = rest - paid;
      m.put("tenders", List.of(Map.of("credit", 2, "amount", byCard, "card", card),
          Map.of("credit", 1, "amount", paid)));
    } else if (outcome == FakeRrPay.Outcome.WRONG_SUM) {
      m.put("tenders", List.of(Map.of("credit", 2, "amount", total + 100, "card", card)));
    } else {
      m.put("tenders", List.of(Map.of("credit", 2, "amount", total, "card", card)));
    }
    m.put("rounding", rounding);
    return JSON.toJson(m);
  }
}
