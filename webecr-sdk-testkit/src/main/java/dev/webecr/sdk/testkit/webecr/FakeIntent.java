package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One intent at the fake: its state is computed from the fake's clock and the profile the terminal
 * and amount chose, so a test moves time and the dialogue moves with it.
 */
final class FakeIntent {
  final long id;
  final FakeTerminal terminal;
  final TransactionType kind;

  /** The wire TxnType (0 to 9) as received; -1 for a void, which has none. */
  final int txnType;

  final long cents;
  final int currencyCode;

  /** The CustomerReference; null for a void (the real void body carries none). */
  final String reference;

  final Instant createdAt;
  final TerminalProfile profile;
  final Integer installments;

  /** The intent a void cancels, or the transaction a linked refund names (as sent). */
  final FakeIntent original;

  final String originalId;

  /** How long a normal dialogue takes; SENT after a third of it. */
  private final Duration dialogue;

  /** The void that names this intent as its original, once one was created; null before. */
  volatile FakeIntent voidedBy;

  /** The terminal's batch it was made in. */
  volatile int batch;

  /** Started on the POS by the merchant, not by an ERP's create. */
  volatile boolean startedOnPos;

  /** For a void: recorded on its original (no record of its own), as the behaviour said. */
  volatile boolean onOriginal;

  /** What a person decided on the terminal, overriding the profile; null: nobody did. */
  private volatile FakeDecision decision;

  /** A preloaded payment's expiry: until it is opened on the POS it waits; null: not preloaded. */
  volatile Instant preloadExpiresAt;

  /** When the operator opened a preloaded payment on the POS; null until then. */
  volatile Instant openedAt;

  /** The PaymentType as received (0 card, 1 IRIS), or null when the customer chooses. */
  volatile Integer paymentType;

  /** The TipAmount as received, or null. */
  volatile Long tipCents;

  /** When the card dialogue began: at creation, or when a preloaded payment was opened. */
  private Instant start() {
    Instant opened = openedAt;
    return opened != null ? opened : createdAt;
  }

  /** True while a preloaded payment waits to be opened on the POS (it blocks no dialogue). */
  boolean awaitsOpening(Instant now) {
    return preloadExpiresAt != null && openedAt == null && now.isBefore(preloadExpiresAt);
  }

  private boolean expiredUnopened(Instant now) {
    return preloadExpiresAt != null && openedAt == null && !now.isBefore(preloadExpiresAt);
  }

  /** Never, as a dialogue length: a silent terminal, or one waiting for a person. */
  private static final Duration NEVER = Duration.ofDays(3650);

  FakeIntent(
      long id,
      FakeTerminal terminal,
      TransactionType kind,
      int txnType,
      long cents,
      int currencyCode,
      String reference,
      Instant createdAt,
      TerminalProfile profile,
      Integer installments,
      FakeIntent original,
      String originalId,
      Duration dialogue) {
    this.id = id;
    this.terminal = terminal;
    this.kind = kind;
    this.txnType = txnType;
    this.cents = cents;
    this.currencyCode = currencyCode;
    this.reference = reference;
    this.createdAt = createdAt;
    this.profile = profile;
    this.installments = installments;
    this.original = original;
    this.originalId = originalId;
    this.dialogue = dialogue;
  }

  private Duration sentAfter() {
    return dialogue.dividedBy(3);
  }

  /**
   * Decides the dialogue as {@code action} from {@code at} on; false when it had completed already
   * (a finished payment cannot be changed).
   */
  synchronized boolean decide(TerminalAction action, Instant now, Instant at) {
    if (statusAt(now) == IntentStatus.COMPLETED) {
      return false;
    }
    decision = new FakeDecision(action, at.isBefore(createdAt) ? createdAt : at);
    return true;
  }

  /** True while the dialogue waits for a person (a MANUAL terminal nobody has decided yet). */
  boolean awaitsPerson() {
    return decision == null && profile == TerminalProfile.MANUAL;
  }

  private Duration doneAfter() {
    FakeDecision d = decision;
    if (d != null) {
      return d.silent ? NEVER : Duration.between(start(), d.at);
    }
    switch (profile) {
      case MANUAL:
        return NEVER;
      case BUSY:
      case MAX_TRANSACTIONS:
        return sentAfter();
      case NO_ANSWER:
        return Duration.ofSeconds(180);
      case SLOW:
        return Duration.ofSeconds(150);
      default:
        return dialogue;
    }
  }

  IntentStatus statusAt(Instant now) {
    if (preloadExpiresAt != null && openedAt == null) {
      // [assumed] an unopened preload stays PENDING and ends CANCELLED at its expiry
      return expiredUnopened(now) ? IntentStatus.COMPLETED : IntentStatus.PENDING;
    }
    Duration age = Duration.between(start(), now);
    if (age.compareTo(doneAfter()) >= 0) {
      return IntentStatus.COMPLETED;
    }
    return age.compareTo(sentAfter()) >= 0 ? IntentStatus.SENT : IntentStatus.PENDING;
  }

  /** The result, or null before completion. */
  IntentResult resultAt(Instant now) {
    if (statusAt(now) != IntentStatus.COMPLETED) {
      return null;
    }
    if (expiredUnopened(now)) {
      return IntentResult.CANCELLED;
    }
    FakeDecision d = decision;
    if (d != null) {
      return d.result;
    }
    switch (profile) {
      case DECLINE:
        return IntentResult.DECLINED;
      case CANCEL:
        return IntentResult.CANCELLED;
      case FAIL:
        return IntentResult.FAILED;
      case BUSY:
        return IntentResult.BUSY;
      case MAX_TRANSACTIONS:
        return IntentResult.MAX_TRANSACTIONS;
      case NO_ANSWER:
        return IntentResult.UNKNOWN;
      case LATE:
        return Duration.between(start(), now).compareTo(Duration.ofSeconds(60)) >= 0
            ? IntentResult.APPROVED
            : IntentResult.UNKNOWN;
      default:
        return IntentResult.APPROVED;
    }
  }

  /** True once the card transaction exists (approved; or LATE, whose host approved it). */
  boolean hasTransactionAt(Instant now) {
    FakeDecision d = decision;
    if (d != null) {
      return d.transaction && statusAt(now) == IntentStatus.COMPLETED;
    }
    return resultAt(now) == IntentResult.APPROVED
        || (profile == TerminalProfile.LATE && statusAt(now) == IntentStatus.COMPLETED);
  }

  /** True once the host has an authorisation record for it, approved or declined. */
  boolean hostRecordAt(Instant now) {
    return hasTransactionAt(now) || resultAt(now) == IntentResult.DECLINED;
  }

  /** True once this intent has charged (or refunded) the card: the money moved. */
  boolean approvedAt(Instant now) {
    return hasTransactionAt(now) && statusAt(now) == IntentStatus.COMPLETED;
  }

  /** True when {@code transactionId} is this intent's, or the original's of this void. */
  boolean answersTransactionId(String transactionId, Instant now) {
    boolean own = resultAt(now) == IntentResult.APPROVED && transactionId().equals(transactionId);
    boolean voidOf =
        kind == TransactionType.VOID
            && original != null
            && original.transactionId().equals(transactionId);
    return own || voidOf;
  }

  /** True once a void of this intent was approved: its record shows {@code Voided}. */
  boolean voidedAt(Instant now) {
    FakeIntent v = voidedBy;
    return v != null && v.approvedAt(now);
  }

  /** When this intent's void completed; call only when {@link #voidedAt} is true. */
  Instant voidTimestamp() {
    return voidedBy.completedAt();
  }

  /** True when the host would refuse another void or refund of it: a void was taken already. */
  boolean voidTaken() {
    return voidedBy != null && voidedBy.charges();
  }

  Instant completedAt() {
    if (preloadExpiresAt != null && openedAt == null) {
      return preloadExpiresAt;
    }
    return start().plus(doneAfter());
  }

  boolean charges() {
    FakeDecision d = decision;
    if (d != null) {
      return d.transaction;
    }
    return profile == TerminalProfile.APPROVE
        || profile == TerminalProfile.SLOW
        || profile == TerminalProfile.LATE;
  }

  String transactionRecordId() {
    return String.valueOf(500_000 + id);
  }

  String transactionId() {
    return "0751217" + zeroPadded(Long.toString(id), 14);
  }

  String rrn() {
    return zeroPadded(Long.toString(600_000_000_000L + id), 12);
  }

  String authCode() {
    return zeroPadded(Long.toHexString((id * 7919) % 0xFFFFFF).toUpperCase(Locale.ROOT), 6);
  }

  String stan() {
    return zeroPadded(Long.toString(id % 1_000_000), 6);
  }

  /**
   * {@code digits} with zeros in front up to {@code width}: what {@code %0<width>d} gives for a
   * number that is not negative, without a {@code Formatter} (every listed transaction shows four
   * of these, and a load test lists thousands a second).
   */
  static String zeroPadded(String digits, int width) {
    if (digits.length() >= width) {
      return digits;
    }
    StringBuilder padded = new StringBuilder(width);
    for (int i = digits.length(); i < width; i++) {
      padded.append('0');
    }
    return padded.append(digits).toString();
  }
}
