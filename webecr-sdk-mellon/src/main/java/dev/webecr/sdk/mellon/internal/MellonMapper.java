package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentMethod;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import java.time.Instant;
import java.util.Optional;

/**
 * WebECR's payment answers (intents, card records, lists) to core types: with {@link
 * PairingAnswers}, the place that knows the answers' field names. Ids, RRN, AuthCode, STAN, TID and
 * MID stay strings.
 */
final class MellonMapper {
  static final String PROVIDER_ID = "mellon";

  /** How the id of an intent made from a card record alone starts. */
  static final String RECORD_PREFIX = "txn-";

  private MellonMapper() {}

  /**
   * An intent; {@code transaction} is the card transaction joined to it, when known (an intent
   * whose {@code Transaction} is an object carries it itself). Anything unreadable is a {@link
   * MalformedAnswer}, never another exception.
   */
  static PaymentIntent intent(
      Answer intent, Optional<Answer> transaction, Terminal terminal, String fallbackReference) {
    return intent(intent, transaction, terminal, fallbackReference, true);
  }

  /**
   * A void's intent: as {@link #intent}, but an UNKNOWN result is never settled from the record
   * here (it may be the original's); {@link VoidEvidence} decides what settles it.
   */
  static PaymentIntent voidIntent(
      Answer intent, Optional<Answer> transaction, Terminal terminal, String fallbackReference) {
    return intent(intent, transaction, terminal, fallbackReference, false);
  }

  private static PaymentIntent intent(
      Answer intent,
      Optional<Answer> transaction,
      Terminal terminal,
      String fallbackReference,
      boolean settleFromRecord) {
    try {
      Optional<Answer> txn =
          transaction.isPresent()
              ? transaction
              : intent.json.object("Transaction").map(t -> new Answer(t, "null"));
      return mapIntent(intent, txn, transaction, terminal, fallbackReference, settleFromRecord);
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
      String fallbackReference,
      boolean settleFromRecord) {
    WireJson i = intent.json;
    String id = i.text("Id").orElseThrow(() -> new MalformedAnswer("intent without Id"));
    int status =
        i.intValue("Status").orElseThrow(() -> new MalformedAnswer("intent without Status"));
    Optional<Integer> result = i.intValue("Result").filter(r -> r != 0);
    Optional<WireJson> txn = transaction.map(a -> a.json);
    Optional<Boolean> approvedFlag = txn.flatMap(t -> t.bool("Approved"));
    if (settleFromRecord
        && result.equals(Optional.of(IntentResult.UNKNOWN.code()))
        && approvedFlag.isPresent()) {
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
        .amount(Money.of(cents, NumericCurrencies.of(i.intValue("CurrencyCode"))))
        .statusCode(status)
        .resultCode(result)
        .transactionId(i.text("TransactionId"))
        .transactionRecordId(transactionRecord(i))
        .rrn(txn.flatMap(t -> t.text("RRN")))
        .authorisationCode(txn.flatMap(t -> t.text("AuthCode")))
        .stan(txn.flatMap(t -> t.text("STAN")))
        .maskedPan(txn.flatMap(t -> t.text("CardPAN")))
        .cardScheme(txn.flatMap(t -> t.text("CardType")))
        .paymentMethod(paymentMethod(i, txn))
        .tip(
            i.longValue("TipAmount")
                .filter(t -> t > 0)
                .map(t -> Money.of(t, NumericCurrencies.of(i.intValue("CurrencyCode")))))
        // [assumed] IRIS's end-to-end id travels with the transaction record under this name
        .endToEndReference(txn.flatMap(t -> t.text("EndToEndReferenceID")))
        .createdAt(i.instant("Timestamp"))
        .completedAt(txn.flatMap(t -> t.instant("Timestamp")))
        .providerRecord(
            "{\"intent\":"
                + intent.raw
                + ",\"transaction\":"
                + joined.map(a -> a.raw).orElse("null")
                + "}")
        .build();
  }

  /**
   * How the customer paid: the card record's word when there is one (the customer may choose IRIS
   * on the terminal while the intent says card or nothing), else the intent's {@code PaymentType}.
   * [assumed] A record shows IRIS as {@code PaymentType} 1 or as {@code CardType} "IRIS".
   */
  private static Optional<PaymentMethod> paymentMethod(WireJson intent, Optional<WireJson> txn) {
    boolean irisCard =
        txn.flatMap(t -> t.text("CardType"))
            .map(c -> c.equalsIgnoreCase(MellonWire.CARD_TYPE_IRIS))
            .orElse(false);
    if (irisCard) {
      return Optional.of(PaymentMethod.IRIS);
    }
    Optional<Integer> type = txn.flatMap(t -> t.intValue("PaymentType"));
    return (type.isPresent() ? type : intent.intValue("PaymentType"))
        .map(t -> t == MellonWire.PAYMENT_TYPE_IRIS ? PaymentMethod.IRIS : PaymentMethod.CARD);
  }

  /**
   * A card record that no listed intent names (a transaction started on the POS may show only in
   * {@code transaction/}), as a completed intent: its id is {@code txn-<record Id>}.
   */
  static PaymentIntent recordIntent(WireJson r, Terminal terminal) {
    try {
      String id = recordId(r).orElseThrow(() -> new MalformedAnswer("transaction without Id"));
      boolean approved = r.bool("Approved").orElse(false);
      Optional<Instant> at = r.instant("Timestamp");
      return PaymentIntent.builder()
          .id(RECORD_PREFIX + id)
          .providerReference(idReference(RECORD_PREFIX + id))
          .terminal(terminal)
          .kind(MellonWire.kindOf(r.intValue("TxnType").orElse(MellonWire.TXN_SALE)))
          .amount(
              Money.of(
                  r.longValue("Amount").orElse(0L),
                  NumericCurrencies.of(r.intValue("CurrencyCode"))))
          .statusCode(IntentStatus.COMPLETED.code())
          .resultCode((approved ? IntentResult.APPROVED : IntentResult.DECLINED).code())
          .transactionRecordId(id)
          .rrn(r.text("RRN"))
          .authorisationCode(r.text("AuthCode"))
          .stan(r.text("STAN"))
          .maskedPan(r.text("CardPAN"))
          .cardScheme(r.text("CardType"))
          .createdAt(at)
          .completedAt(at)
          .providerRecord("{\"intent\":null,\"transaction\":" + r.toJson() + "}")
          .build();
    } catch (MalformedAnswer e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedAnswer("transaction not readable (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** True for an approved card record that carries no {@code CustomerReference}. */
  static boolean approvedWithoutReference(WireJson record) {
    return record.bool("Approved").orElse(false) && reference(record).isEmpty();
  }

  /** When a card record was voided, when it says. */
  static Optional<Instant> voidedAt(WireJson record) {
    return record.instant("VoidTimestamp");
  }

  /** The intent's creation time, when it says. */
  static Optional<Instant> created(WireJson intent) {
    return intent.instant("Timestamp");
  }

  /** The transaction record's id: {@code Transaction} as an integer, or its object's {@code Id}. */
  static Optional<String> transactionRecord(WireJson intent) {
    Optional<String> id = intent.text("Transaction");
    return id.isPresent() ? id : intent.object("Transaction").flatMap(t -> t.text("Id"));
  }

  /**
   * True when the intent carries its card transaction as an object with its {@code Approved} flag:
   * no join needed. An object without it (the shape in the v2.5.13 notes) settles nothing.
   */
  static boolean carriesTransaction(WireJson intent) {
    return intent.object("Transaction").flatMap(t -> t.bool("Approved")).isPresent();
  }

  /**
   * What a void's intent says of its original, where it echoes one ({@code OriginalIdentifier}, or
   * {@code InitialTransaction}): empty when it echoes nothing (the evidence shows no echo).
   */
  static Optional<String> namedOriginal(WireJson voidIntent) {
    Optional<String> id = voidIntent.text("OriginalIdentifier");
    return id.isPresent() ? id : voidIntent.text("InitialTransaction");
  }

  /** The reference an intent known only by its id is shown under: {@code mellon-<id>}. */
  static String idReference(String intentId) {
    return PROVIDER_ID + "-" + intentId;
  }

  /** True when the intent echoes a {@code TxnType}: a void's request carries none. */
  static boolean hasTxnType(WireJson intent) {
    return intent.intValue("TxnType").isPresent();
  }

  /** A card record's own id, the one an intent's {@code Transaction} names. */
  static Optional<String> recordId(WireJson record) {
    return record.text("Id");
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

  /** WebECR's own id of the terminal an intent ran on. */
  static Optional<String> terminalId(WireJson intent) {
    return intent.text("Terminal");
  }

  /** The card transaction an intent carries as an object, when it carries one. */
  static Optional<WireJson> embeddedTransaction(WireJson intent) {
    return intent.object("Transaction");
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

  private static TransactionType kind(WireJson i) {
    if (i.text("OriginalIdentifier").isPresent()) {
      return TransactionType.VOID;
    }
    return MellonWire.kindOf(i.intValue("TxnType").orElse(MellonWire.TXN_SALE));
  }
}
