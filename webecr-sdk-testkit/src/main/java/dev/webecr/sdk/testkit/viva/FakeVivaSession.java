package dev.webecr.sdk.testkit.viva;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session the fake received: the request as sent, and what the terminal made of it by a given
 * time (viva-cloud-terminal §6, §12). Decided at creation, revealed at its time: no thread runs.
 */
final class FakeVivaSession {
  static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  final String sessionId;
  final String terminalId;
  final String kind;
  final long amount;
  final long tip;
  final boolean preauth;
  final String parentSessionId;
  final String cashRegisterId;
  final String merchantReference;
  final Instant createdAt;
  final long serial;

  /** When a preloaded session is opened on the device [assumed]; before it, it just waits. */
  static final Duration PRELOAD_OPENED_AFTER = Duration.ofMinutes(10);

  /** When its dialogue starts: at once, or when a preloaded session is opened. */
  final Instant startsAt;

  /** How long after its end a 1099 turns into an approval (§17 #18); null: never. */
  private final Duration lateFlip;

  /** The eventId it fails with whatever the terminal does (AADE, rules); 0: none. */
  private final int failWith;

  private final FakeVivaTerminal terminal;

  /** When a person ended it (the manual terminal); null: not yet. */
  private Instant decidedAt;

  /** The eventId the person chose: 0 approved, 1006 declined, 1000 cancelled. */
  private int decidedEvent;

  /** When an abort stopped it; null: not aborted. */
  private Instant abortedAt;

  /** When the terminal acknowledged an abort it then ignored; null: none. */
  private Instant abortAcknowledgedAt;

  FakeVivaSession(
      Map<String, Object> body,
      String kind,
      Instant createdAt,
      long serial,
      int failWith,
      Duration lateFlip) {
    this.sessionId = text(body.get("sessionId"));
    this.terminalId = text(body.get("terminalId"));
    this.kind = kind;
    this.amount = whole(body.get("amount"));
    this.tip = body.get("tipAmount") == null ? 0 : whole(body.get("tipAmount"));
    this.preauth = Boolean.TRUE.equals(body.get("preauth"));
    this.parentSessionId = text(body.get("parentSessionId"));
    this.cashRegisterId = text(body.get("cashRegisterId"));
    this.merchantReference = text(body.get("merchantReference"));
    this.createdAt = createdAt;
    boolean preloaded = Boolean.TRUE.equals(body.get("aadePreloaded"));
    this.startsAt = preloaded ? createdAt.plus(PRELOAD_OPENED_AFTER) : createdAt;
    this.serial = serial;
    this.failWith = failWith;
    this.lateFlip = lateFlip;
    this.terminal = FakeVivaTerminal.of(terminalId);
  }

  /**
   * Stops it at {@code now} if the abort can still work: not once it ended, nor once the card was
   * read (the slow terminal reads it at once).
   */
  boolean abort(Instant now) {
    if (terminal == FakeVivaTerminal.ACKNOWLEDGES_ABORT && !isFinal(now)) {
      abortAcknowledgedAt = now; // said yes, and went on
      return false;
    }
    if (isFinal(now) || terminal == FakeVivaTerminal.SLOW) {
      return false;
    }
    abortedAt = now;
    return true;
  }

  /**
   * A person ends it with {@code eventId} at {@code now} (the manual terminal only); false when it
   * is not waiting for one.
   */
  boolean decide(int eventId, Instant now) {
    if (terminal != FakeVivaTerminal.MANUAL || isFinal(now) || failWith != 0) {
      return false;
    }
    decidedAt = now;
    decidedEvent = eventId;
    return true;
  }

  /** When its outcome is known; null: never (the request never reached the device). */
  Instant endsAt() {
    if (decidedAt != null) {
      return decidedAt;
    }
    if (abortedAt != null) {
      return abortedAt;
    }
    if (failWith != 0) {
      return createdAt.plusSeconds(1);
    }
    Duration after = terminal == null ? Duration.ofSeconds(3) : terminal.after();
    return after == null ? null : startsAt.plus(after);
  }

  boolean isFinal(Instant now) {
    Instant end = endsAt();
    return end != null && !now.isBefore(end);
  }

  /** The eventId it ended with, as read at {@code now}; 0 for an approval. */
  int eventId(Instant now) {
    if (abortedAt != null) {
      return 1016;
    }
    if (failWith != 0) {
      return failWith;
    }
    if (decidedAt != null) {
      return decidedEvent;
    }
    if (amount == 9951) {
      return 1020; // insufficient funds (a demo value)
    }
    if (amount == 1099) {
      boolean flipped = lateFlip != null && !now.isBefore(endsAt().plus(lateFlip));
      return flipped ? 0 : 1099; // Viva's generic failure, which the portal may later call paid
    }
    return terminal == null || terminal.approves() ? 0 : terminal.eventId();
  }

  /** True once it ended approved: money moved. */
  boolean approved(Instant now) {
    return isFinal(now) && eventId(now) == 0;
  }

  /** The final session body at {@code now}, ids and RRN as numbers as in Viva's own model. */
  Map<String, Object> body(Instant now) {
    int eventId = eventId(now);
    boolean success = eventId == 0;
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("sessionId", sessionId);
    b.put("terminalId", Long.parseLong(terminalId));
    b.put("cashRegisterId", cashRegisterId);
    b.put("amount", amount);
    b.put("currencyCode", "978");
    b.put("merchantReference", merchantReference);
    b.put("success", success);
    b.put("eventId", eventId);
    b.put("message", success ? "Transaction approved" : "Transaction failed (" + eventId + ")");
    b.put("preauth", preauth);
    b.put("tipAmount", tip);
    b.put("abortOperation", abortedAt != null || abortAcknowledgedAt != null);
    if (abortAcknowledgedAt != null) {
      b.put("abortAckTime", WHEN.format(abortAcknowledgedAt.atZone(ATHENS)));
    }
    if (abortedAt != null) {
      b.put("abortSuccess", true);
      b.put("abortAckTime", WHEN.format(abortedAt.atZone(ATHENS)));
    }
    b.put("transactionDateTime", WHEN.format(endsAt().atZone(ATHENS)));
    if (success) {
      b.put("transactionId", String.format("f1a2b3c4-0000-4000-8000-%012d", serial));
      b.put("aadeTransactionId", String.format("1164309095%011d", serial));
      b.put("retrievalReferenceNumber", 612345000000L + serial);
      b.put("authorizationId", String.format("A%05d", serial % 100_000));
      b.put("referenceNumber", 100000 + serial);
      b.put("primaryAccountNumberMasked", "479275******9999");
      b.put("applicationLabel", "VISA");
    }
    return b;
  }

  private static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Double && ((Double) v) == Math.rint((Double) v)) {
      return String.valueOf(((Double) v).longValue());
    }
    return String.valueOf(v);
  }

  private static long whole(Object v) {
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    return Long.parseLong(String.valueOf(v));
  }
}
