package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentMethod;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;

/**
 * WebECR answers to core types: the one place that knows the answers' field names. Ids, RRN,
 * AuthCode, STAN, TID and MID stay strings.
 */
final class MellonMapper {
  static final String PROVIDER_ID = "mellon";

  /** ISO 4217 numeric code to currency, built once: every mapped intent needs one. */
  private static final java.util.Map<Integer, Currency> BY_NUMERIC_CODE = byNumericCode();

  private MellonMapper() {}

  /** A terminal of the list; anything unreadable is a {@link MalformedAnswer}. */
  static Terminal terminal(WireJson t, ApiKey apiKey) {
    try {
      Terminal.Builder b =
          Terminal.builder()
              .providerId(PROVIDER_ID)
              .tid(
                  t.text("TerminalID")
                      .orElseThrow(() -> new MalformedAnswer("terminal without TerminalID")))
              .callId(t.text("id").orElseThrow(() -> new MalformedAnswer("terminal without id")))
              .merchantId(t.text("Merchant"))
              .model(t.text("TerminalType"))
              .label(t.text("FriendlyName"));
      if (apiKey != null) { // direct mode: none
        b.apiKey(apiKey);
      }
      return b.build();
    } catch (MalformedAnswer e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedAnswer("terminal not readable (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * An intent; {@code transaction} is the card transaction joined to it, when known (an intent
   * whose {@code Transaction} is an object carries it itself). Anything unreadable is a {@link
   * MalformedAnswer}, never another exception.
   */
  static PaymentIntent intent(
      Answer intent, Optional<Answer> transaction, Terminal terminal, String fallbackReference) {
    try {
      Optional<Answer> txn =
          transaction.isPresent()
              ? transaction
              : intent.json.object("Transaction").map(t -> new Answer(t, "null"));
      return mapIntent(intent, txn, transaction, terminal, fallbackReference);
    } catch (MalformedAnswer e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedAnswer("intent not readable (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static PaymentIntent mapIntent(
      Answer intent,
      Optional<Answer> transaction,
      Optional<Answer> joined,
      Terminal terminal,
      String fallbackReference) {
    WireJson i = intent.json;
    String id = i.text("Id").orElseThrow(() -> new MalformedAnswer("intent without Id"));
    int status =
        i.intValue("Status").orElseThrow(() -> new MalformedAnswer("intent without Status"));
    Optional<Integer> result = i.intValue("Result").filter(r -> r != 0);
    Optional<WireJson> txn = transaction.map(a -> a.json);
    Optional<Boolean> approvedFlag = txn.flatMap(t -> t.bool("Approved"));
    if (result.equals(Optional.of(IntentResult.UNKNOWN.code())) && approvedFlag.isPresent()) {
      // The intent is in doubt, the card transaction is not: it settles the question. Without
      // an Approved flag it settles nothing (an embedded object may lack one).
      boolean approved = approvedFlag.get() && !txn.get().bool("Voided").orElse(false);
      result = Optional.of(approved ? IntentResult.APPROVED.code() : IntentResult.DECLINED.code());
      status = IntentStatus.COMPLETED.code();
    }
    long cents = i.longValue("Amount").orElse(0L);
    return PaymentIntent.builder()
        .id(id)
        .providerReference(i.text("CustomerReference").orElse(fallbackReference))
        .terminal(terminal)
        .kind(kind(i))
        .amount(Money.of(cents, currency(i.intValue("CurrencyCode"))))
        .statusCode(status)
        .resultCode(result)
        .transactionId(i.text("TransactionId"))
        .transactionRecordId(transactionRecord(i))
        .rrn(txn.flatMap(t -> t.text("RRN")))
        .authorisationCode(txn.flatMap(t -> t.text("AuthCode")))
        .stan(txn.flatMap(t -> t.text("STAN")))
        .maskedPan(txn.flatMap(t -> t.text("CardPAN")))
        .cardScheme(txn.flatMap(t -> t.text("CardType")))
        .paymentMethod(paymentMethod(i.intValue("PaymentType")))
        .tip(
            i.longValue("TipAmount")
                .filter(t -> t > 0)
                .map(t -> Money.of(t, currency(i.intValue("CurrencyCode")))))
        // [assumed] IRIS's end-to-end id travels with the transaction record under this name
        .endToEndReference(txn.flatMap(t -> t.text("EndToEndReferenceID")))
        .createdAt(instant(i.text("Timestamp")))
        .completedAt(txn.flatMap(t -> instant(t.text("Timestamp"))))
        .providerRecord(
            "{\"intent\":"
                + intent.raw
                + ",\"transaction\":"
                + joined.map(a -> a.raw).orElse("null")
                + "}")
        .build();
  }

  private static Optional<PaymentMethod> paymentMethod(Optional<Integer> paymentType) {
    return paymentType.map(
        t -> t == MellonWire.PAYMENT_TYPE_IRIS ? PaymentMethod.IRIS : PaymentMethod.CARD);
  }

  /** The intent's creation time, when it says. */
  static Optional<Instant> created(WireJson intent) {
    return instant(intent.text("Timestamp"));
  }

  /** The transaction record's id: {@code Transaction} as an integer, or its object's {@code Id}. */
  static Optional<String> transactionRecord(WireJson intent) {
    Optional<String> id = intent.text("Transaction");
    return id.isPresent() ? id : intent.object("Transaction").flatMap(t -> t.text("Id"));
  }

  /** True when the intent carries its card transaction as an object: no join needed. */
  static boolean carriesTransaction(WireJson intent) {
    return intent.object("Transaction").isPresent();
  }

  static Optional<String> intentId(WireJson intent) {
    return intent.text("Id");
  }

  static Optional<String> transactionId(WireJson intent) {
    return intent.text("TransactionId");
  }

  static boolean matchesTransaction(WireJson txn, String recordId, String reference) {
    return txn.text("Id").equals(Optional.ofNullable(recordId))
        || (recordId == null && txn.text("CustomerReference").equals(Optional.of(reference)));
  }

  static boolean onTerminal(WireJson intent, Terminal terminal) {
    return intent.text("Terminal").map(t -> t.equals(terminal.callId())).orElse(true);
  }

  static Optional<String> reference(WireJson intent) {
    return intent.text("CustomerReference");
  }

  static Optional<String> next(WireJson page) {
    return page.text("next");
  }

  static java.util.List<WireJson> results(WireJson page) {
    return page.objects("results");
  }

  static String apiKeyOf(WireJson redeemed) {
    return redeemed.text("Id").orElseThrow(() -> new MalformedAnswer("redeem answer without Id"));
  }

  private static TransactionType kind(WireJson i) {
    if (i.text("OriginalIdentifier").isPresent()) {
      return TransactionType.VOID;
    }
    return MellonWire.kindOf(i.intValue("TxnType").orElse(MellonWire.TXN_SALE));
  }

  private static Currency currency(Optional<Integer> numeric) {
    if (numeric.isEmpty()) {
      return Money.EUR;
    }
    Currency c = BY_NUMERIC_CODE.get(numeric.get());
    if (c == null) {
      throw new MalformedAnswer("unknown CurrencyCode " + numeric.get());
    }
    return c;
  }

  private static java.util.Map<Integer, Currency> byNumericCode() {
    java.util.Map<Integer, Currency> m = new java.util.HashMap<>();
    for (Currency c : Currency.getAvailableCurrencies()) {
      m.putIfAbsent(c.getNumericCode(), c); // a few codes are shared: EUR's 978 is not
    }
    m.put(Money.EUR.getNumericCode(), Money.EUR);
    return java.util.Collections.unmodifiableMap(m);
  }

  static int currencyCode(Currency currency) {
    return currency.getNumericCode();
  }

  private static Optional<Instant> instant(Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String s = text.get();
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
