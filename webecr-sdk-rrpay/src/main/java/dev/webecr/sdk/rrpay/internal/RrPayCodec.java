package dev.webecr.sdk.rrpay.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.webecr.sdk.BasketLine;
import dev.webecr.sdk.spi.CreateIntentCommand;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every RRPay file name and field, in one place: our reconstruction of RASO's handoff (the real
 * format is not public). UTF-8 JSON with a {@code version}; unknown fields ignored; amounts in
 * cents. A correction from RASO's spec touches this file only.
 */
public final class RrPayCodec {
  static final int VERSION = 1;
  public static final String SALE = "sale";
  public static final String CANCEL = "cancel";
  public static final String RETURN = "return";

  /** The kinds of request a sale's id may have been sent under. */
  public static final List<String> REQUEST_TYPES = List.of(SALE, RETURN, CANCEL);

  public static final String STATUS = "status";
  public static final String ACK = "ack";
  public static final String RESULT = "result";
  public static final String MANUAL = "manual";
  public static final String NOT_FOUND = "not_found";
  private static final Pattern FILE = Pattern.compile("^(.+)\\.([a-z_]+)\\.json$");
  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private RrPayCodec() {}

  public static String fileName(String id, String kind) {
    return id + "." + kind + ".json";
  }

  /** The id and kind of a file name, if it is one of ours. */
  public static Optional<String[]> parseName(String fileName) {
    Matcher m = FILE.matcher(fileName);
    return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
  }

  /** A request file: sale, return or cancel. */
  public static String request(
      String type,
      String id,
      String posId,
      CreateIntentCommand c,
      String originalId,
      Map<String, String> originalReceipt,
      Instant at) {
    long totalCents = c.amount().minorUnits();
    String currency = c.amount().currency().getCurrencyCode();
    List<BasketLine> lines = c.lines();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", VERSION);
    m.put("type", type);
    m.put("id", id);
    m.put("posId", posId);
    m.put("currency", currency);
    m.put("total", totalCents);
    c.cashier().ifPresent(name -> m.put("cashier", name));
    c.buyer()
        .ifPresent(
            b -> {
              Map<String, Object> buyer = new LinkedHashMap<>();
              buyer.put("name", b.name());
              b.code().ifPresent(v -> buyer.put("code", v));
              b.vatCode().ifPresent(v -> buyer.put("vatCode", v));
              b.address().ifPresent(v -> buyer.put("address", v));
              m.put("buyer", buyer);
            });
    if (originalId != null) {
      m.put("originalId", originalId);
    }
    if (originalReceipt != null) {
      m.put("originalReceipt", originalReceipt);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (BasketLine l : lines) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("code", l.code());
      l.barcode().ifPresent(b -> line.put("barcode", b));
      line.put("name", l.name());
      line.put("quantity", l.quantity().toPlainString());
      l.unit().ifPresent(u -> line.put("unit", u));
      line.put("unitPrice", l.unitPrice().minorUnits());
      l.discount().ifPresent(d -> line.put("discount", d.minorUnits()));
      line.put("vatRate", l.vatRate().toPlainString());
      line.put("lineTotal", l.lineTotal().minorUnits());
      out.add(line);
    }
    m.put("lines", out);
    m.put("createdAt", at.toString());
    return JSON.toJson(m);
  }

  public static String status(String id, String posId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", VERSION);
    m.put("type", STATUS);
    m.put("id", id);
    m.put("posId", posId);
    return JSON.toJson(m);
  }

  public static Map<String, Object> parse(String json) {
    try {
      Map<String, Object> m = JSON.fromJson(json);
      if (m == null) {
        throw new BadFile("empty file");
      }
      return m;
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadFile) {
        throw (BadFile) e;
      }
      throw new BadFile("not JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** What a request file says about itself: type, POS, total, creation time. */
  public static final class Request {
    public final String type;
    public final String posId;
    public final long totalCents;
    public final Instant createdAt;

    public Request(Map<String, Object> m) {
      type = text(m, "type");
      posId = text(m, "posId");
      totalCents = cents(m, "total");
      createdAt = Instant.parse(text(m, "createdAt"));
    }
  }

  /** A result file from RRPay. */
  public static final class Result {
    public final String id;
    public final String outcome;
    public final String receiptNumber;
    public final String registerId;
    public final LocalDateTime fiscalisedAt;
    public final List<long[]> tenders = new ArrayList<>();
    public final List<String[]> cards = new ArrayList<>();

    /** The rounding line; tender lines of a rounding credit number are folded in. */
    public long roundingCents;

    public final String returnAct;
    public final String reissuedReceipt;

    @SuppressWarnings("unchecked")
    public Result(Map<String, Object> m) {
      id = text(m, "id");
      outcome = text(m, "outcome");
      Object receipt = m.get("receipt");
      Map<String, Object> r = receipt instanceof Map ? (Map<String, Object>) receipt : Map.of();
      receiptNumber = optionalText(r, "receipt.number", "number");
      registerId = optionalText(r, "receipt.register", "register");
      String dateTime = optionalText(r, "receipt.dateTime", "dateTime");
      try {
        fiscalisedAt = dateTime == null ? null : LocalDateTime.parse(dateTime);
      } catch (DateTimeParseException e) {
        throw new BadFile("receipt.dateTime is not a local date-time");
      }
      Object list = m.get("tenders");
      if (list != null && !(list instanceof List)) {
        throw new BadFile("tenders is not a list");
      }
      for (Object o : list == null ? List.of() : (List<Object>) list) {
        if (!(o instanceof Map)) {
          throw new BadFile("a tender is not an object");
        }
        Map<String, Object> t = (Map<String, Object>) o;
        tenders.add(new long[] {cents(t, "credit"), cents(t, "amount")});
        Map<String, Object> card =
            t.get("card") instanceof Map ? (Map<String, Object>) t.get("card") : Map.of();
        cards.add(
            new String[] {
              optionalText(card, "card.maskedPan", "maskedPan"),
              optionalText(card, "card.authCode", "authCode"),
              optionalText(card, "card.terminalId", "terminalId")
            });
      }
      roundingCents = m.get("rounding") == null ? 0 : cents(m, "rounding");
      returnAct = optionalText(m, "returnAct", "returnAct");
      reissuedReceipt = optionalText(m, "reissuedReceipt", "reissuedReceipt");
    }

    /**
     * Takes the tender lines of credit {@code number} as the rounding line (RASO's other product
     * carries rounding as a payment code); their amounts are signed like the rounding field.
     */
    public Result foldRoundingCredit(int number) {
      for (int i = tenders.size() - 1; i >= 0; i--) {
        if (tenders.get(i)[0] == number) {
          roundingCents += tenders.get(i)[1];
          tenders.remove(i);
          cards.remove(i);
        }
      }
      return this;
    }
  }

  public static String manual(String id, List<long[]> tenders, Instant at) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", VERSION);
    m.put("id", id);
    m.put("outcome", "paid");
    m.put("manual", true);
    List<Map<String, Object>> out = new ArrayList<>();
    for (long[] t : tenders) {
      out.add(Map.of("credit", t[0], "amount", t[1]));
    }
    m.put("tenders", out);
    m.put("enteredAt", at.toString());
    return JSON.toJson(m);
  }

  /** A text field that may be absent; any other type is a bad file, named by {@code path}. */
  private static String optionalText(Map<String, Object> m, String path, String field) {
    Object v = m.get(field);
    if (v != null && !(v instanceof String)) {
      throw new BadFile(path + " is not text");
    }
    return (String) v;
  }

  private static String text(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof String) || ((String) v).isBlank()) {
      throw new BadFile("field " + field + " is missing");
    }
    return (String) v;
  }

  private static long cents(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof Number)) {
      throw new BadFile("field " + field + " is not a number");
    }
    double d = ((Number) v).doubleValue();
    if (d != Math.rint(d)) {
      throw new BadFile("field " + field + " is not a whole number of cents");
    }
    return (long) d;
  }

  /** A file that cannot be read as what its name says; goes to {@code rejected/}. */
  public static final class BadFile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadFile(String reason) {
      super(reason, null, false, false);
    }
  }
}
