package dev.webecr.sdk.testkit.rrpay;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The result files the fake RRPay writes, and the fiscal receipts it numbers. */
@SuppressWarnings("unchecked")
final class FakeRrPayReceipts {
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  /** Europe/Vilnius: the business day of a Lithuanian till. */
  static final ZoneId LITHUANIA = ZoneId.of("Europe/Vilnius");

  private int receipts;

  /** When set, rounding is written as a tender line of this credit number. */
  private volatile Integer roundingCredit;

  /** Per printed document: day, sign (+1 sale, -1 return), tenders {credit, cents}, rounding. */
  private final List<Object[]> printed = new ArrayList<>();

  void roundingAsCredit(Integer number) {
    roundingCredit = number;
  }

  synchronized int printed() {
    return receipts;
  }

  /** The day's Z report: net cents per credit number (sales minus returns) and the rounding. */
  synchronized FakeZReport zReport(LocalDate day) {
    Map<Integer, Long> net = new TreeMap<>();
    long rounding = 0;
    for (Object[] p : printed) {
      if (p[0].equals(day)) {
        int sign = (int) p[1];
        for (long[] t : (List<long[]>) p[2]) {
          net.merge((int) t[0], sign * t[1], Long::sum);
        }
        rounding += sign * (long) p[3];
      }
    }
    return new FakeZReport(net, rounding);
  }

  /** True when {@code named} (a request's originalReceipt) is the receipt of {@code saleResult}. */
  boolean printedAs(String saleResult, Object named) {
    if (saleResult == null || !(named instanceof Map)) {
      return false;
    }
    Object receipt = parse(saleResult).get("receipt");
    return receipt instanceof Map && ((Map<?, ?>) receipt).equals(named);
  }

  private static Map<String, Object> parse(String json) {
    try {
      Map<String, Object> m = JSON.fromJson(json);
      return m == null ? Map.of() : m;
    } catch (java.io.IOException | RuntimeException e) {
      return Map.of();
    }
  }

  synchronized String result(
      String id, long total, FakeRrPayOutcome outcome, boolean isReturn, boolean partial) {
    if (outcome == FakeRrPayOutcome.MALFORMED) {
      return "{\"version\":1,\"id\":\"" + id + "\",\"outcome\":";
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", 1);
    m.put("id", id);
    if (outcome == FakeRrPayOutcome.CANCELLED || outcome == FakeRrPayOutcome.FAILED) {
      m.put("outcome", outcome == FakeRrPayOutcome.CANCELLED ? "cancelled" : "failed");
      m.put("tenders", List.of());
      return JSON.toJson(m);
    }
    receipts++;
    m.put("outcome", "paid");
    LocalDateTime at = LocalDateTime.now(LITHUANIA).truncatedTo(ChronoUnit.SECONDS);
    m.put(
        "receipt",
        Map.of(
            "number",
            String.format("FK%06d", receipts),
            "register",
            "EKA-0001",
            "dateTime",
            at.toString()));
    Map<String, Object> card =
        Map.of(
            "maskedPan", "520000******0007", "authCode", "A" + receipts, "terminalId", "T0000001");
    long rounding = 0;
    if (outcome == FakeRrPayOutcome.CASH) {
      long paid = Math.round(total / 5.0) * 5;
      rounding = total - paid;
      m.put("tenders", List.of(Map.of("credit", 1, "amount", paid)));
    } else if (outcome == FakeRrPayOutcome.CARD_AND_CASH) {
      long byCard = Math.min(1000, total - 1);
      long rest = total - byCard;
      long paid = Math.round(rest / 5.0) * 5;
      rounding = rest - paid;
      m.put(
          "tenders",
          List.of(
              Map.of("credit", 2, "amount", byCard, "card", card),
              Map.of("credit", 1, "amount", paid)));
    } else if (outcome == FakeRrPayOutcome.WRONG_SUM) {
      m.put("tenders", List.of(Map.of("credit", 2, "amount", total + 100, "card", card)));
    } else {
      m.put("tenders", List.of(Map.of("credit", 2, "amount", total, "card", card)));
    }
    List<long[]> tenders = new ArrayList<>();
    for (Object t : (List<?>) m.get("tenders")) {
      Map<?, ?> tender = (Map<?, ?>) t;
      tenders.add(
          new long[] {
            ((Number) tender.get("credit")).longValue(), ((Number) tender.get("amount")).longValue()
          });
    }
    Integer asCredit = roundingCredit;
    if (asCredit != null && rounding != 0) {
      List<Object> lines = new ArrayList<>((List<?>) m.get("tenders"));
      lines.add(Map.of("credit", asCredit, "amount", rounding));
      m.put("tenders", lines);
    } else {
      m.put("rounding", rounding);
    }
    if (isReturn) { // the money-return act; a partial return reissues the receipt for what is kept
      m.put("returnAct", String.format("GPA-%06d", receipts));
      if (partial) {
        receipts++;
        m.put("reissuedReceipt", String.format("FK%06d", receipts));
      }
    }
    printed.add(new Object[] {at.toLocalDate(), isReturn ? -1 : 1, tenders, rounding});
    return JSON.toJson(m);
  }

  /** RRPay's acknowledgement of a request it took. */
  static String ack(String id) {
    return JSON.toJson(Map.of("version", 1, "id", id, "status", "accepted"));
  }

  /** Writes a file into an exchange folder as RRPay does: whole, by an atomic rename. */
  static void write(Path dir, String name, String content) {
    try {
      // a temporary name of its own: two writers of one answer never move each other's file
      Path tmp = dir.resolve("." + name + "." + Thread.currentThread().getId() + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          dir.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
