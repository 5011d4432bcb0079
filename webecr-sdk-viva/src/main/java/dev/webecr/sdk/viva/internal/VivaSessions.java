package dev.webecr.sdk.viva.internal;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.viva.VivaProvider;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Viva's session bodies and device list to core types (viva-cloud-terminal §4, §6, §12): the one
 * place that knows the answers' field names. {@code success} decides "charged"; {@code eventId}
 * only says why not, and a failure that cannot be placed is in doubt (UNKNOWN), never "nothing
 * charged".
 */
final class VivaSessions {
  static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

  /** {@code eventId} while the dialogue runs [2ND VC1]. */
  private static final long RUNNING = 1100;

  private static final Set<Long> CANCELLED = Set.of(1000L, 1003L, 1016L);
  private static final Set<Long> DECLINED = Set.of(1004L, 1006L, 1007L, 1010L, 1020L);
  private static final Set<Long> FAILED = Set.of(1076L, 1077L, 1083L, 6000L);

  private VivaSessions() {}

  /** The terminals of a {@code devices:search} answer. */
  static List<Terminal> terminals(String body, Optional<String> merchantId) {
    List<Terminal> out = new ArrayList<>();
    for (VivaJson d : VivaJson.list(body)) {
      String id = d.text("terminalId").orElseThrow(() -> new UnreadableAnswer("no terminalId"));
      if (id.isBlank()) {
        throw new UnreadableAnswer("blank terminalId");
      }
      try {
        out.add(
            Terminal.builder()
                .providerId(VivaProvider.ID)
                .tid(id)
                .callId(id)
                .merchantId(merchantId)
                .label("Viva " + id)
                .build());
      } catch (InvalidRequestException e) {
        throw new UnreadableAnswer("terminalId not a terminal's id (" + e.field() + ")");
      }
    }
    return out;
  }

  /** The session a create just started: sent towards the device, nothing paid yet. */
  static PaymentIntent pending(CreateIntentCommand c, String sessionId) {
    return PaymentIntent.builder()
        .id(sessionId)
        .providerReference(c.providerReference())
        .terminal(c.terminal())
        .kind(c.kind())
        .amount(c.amount())
        .statusCode(IntentStatus.PENDING.code())
        .build();
  }

  /** A session Viva still processes (202), or has not let through to the device yet. */
  static PaymentIntent running(Terminal terminal, AttemptLookup attempt, String sessionId) {
    return PaymentIntent.builder()
        .id(sessionId)
        .providerReference(
            attempt.providerReference().isEmpty() ? sessionId : attempt.providerReference())
        .terminal(terminal)
        .kind(attempt.kind())
        .amount(attempt.amount().orElse(Money.euroCents(0)))
        .statusCode(IntentStatus.SENT.code())
        .build();
  }

  /** A final session (200); its amount and terminal are checked against the attempt's. */
  static PaymentIntent session(String body, Terminal terminal, AttemptLookup attempt) {
    return session(VivaJson.object(body), body, terminal, attempt);
  }

  /**
   * {@link #session(String, Terminal, AttemptLookup)} of a parsed session and its raw text; what
   * does not make an intent (a negative amount, a missing id) is an {@link UnreadableAnswer}.
   */
  static PaymentIntent session(VivaJson s, String body, Terminal terminal, AttemptLookup attempt) {
    try {
      return mapSession(s, body, terminal, attempt);
    } catch (UnreadableAnswer e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UnreadableAnswer("session not readable (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static PaymentIntent mapSession(
      VivaJson s, String body, Terminal terminal, AttemptLookup attempt) {
    String sessionId =
        s.text("sessionId").orElse(attempt.intentId().orElse(attempt.providerReference()));
    Money amount =
        s.number("amount")
            .map(Money::euroCents)
            .orElse(attempt.amount().orElse(Money.euroCents(0)));
    boolean running = s.number("eventId").map(e -> e == RUNNING).orElse(false);
    PaymentIntent.Builder b =
        PaymentIntent.builder()
            .id(sessionId)
            .providerReference(
                attempt.providerReference().isEmpty() ? sessionId : attempt.providerReference())
            .terminal(terminal)
            .kind(kindOf(s, attempt.kind()))
            .amount(amount)
            .statusCode((running ? IntentStatus.SENT : IntentStatus.COMPLETED).code())
            .transactionId(s.text("aadeTransactionId"))
            .transactionRecordId(s.text("transactionId"))
            .rrn(s.text("retrievalReferenceNumber"))
            .authorisationCode(s.text("authorizationId"))
            .stan(s.text("referenceNumber"))
            .maskedPan(s.text("primaryAccountNumberMasked"))
            .cardScheme(s.text("applicationLabel"))
            .completedAt(instant(s.text("transactionDateTime")))
            .tip(s.number("tipAmount").filter(t -> t > 0).map(Money::euroCents))
            .providerRecord(body);
    if (!running) {
      b.resultCode(result(s, terminal, attempt).code());
    }
    return b.build();
  }

  /** §12's table. */
  static IntentResult result(VivaJson s, Terminal terminal, AttemptLookup attempt) {
    Optional<Boolean> success = s.bool("success");
    boolean aborted = s.bool("abortSuccess").orElse(false);
    Optional<Long> event = s.number("eventId");
    if (success.isEmpty()) {
      return IntentResult.UNKNOWN;
    }
    if (success.get()) {
      boolean sameAmount =
          attempt.amount().isEmpty()
              || s.number("amount").equals(Optional.of(attempt.amount().get().minorUnits()));
      boolean sameTerminal =
          s.text("terminalId").map(t -> t.equals(terminal.callId())).orElse(true);
      return sameAmount && sameTerminal && !aborted ? IntentResult.APPROVED : IntentResult.UNKNOWN;
    }
    if (aborted || event.map(CANCELLED::contains).orElse(false)) {
      return IntentResult.CANCELLED;
    }
    if (event.map(DECLINED::contains).orElse(false)) {
      return IntentResult.DECLINED;
    }
    if (event.map(FAILED::contains).orElse(false)) {
      return IntentResult.FAILED;
    }
    return IntentResult.UNKNOWN; // 1099, or an event not placed: in doubt
  }

  /** The session's own terminal, for the listing's filter. */
  static Optional<String> terminalId(VivaJson s) {
    return s.text("terminalId");
  }

  static Optional<String> sessionId(VivaJson s) {
    return s.text("sessionId");
  }

  /** When the session's transaction was made, for the listing's period filter. */
  static Optional<Instant> madeAt(VivaJson s) {
    return instant(s.text("transactionDateTime"));
  }

  private static TransactionType kindOf(VivaJson s, TransactionType attempted) {
    return s.bool("preauth").orElse(false) ? TransactionType.PRE_AUTHORISATION : attempted;
  }

  /** An ISO date-time with an offset, or a local one read as Athens time; else empty. */
  private static Optional<Instant> instant(Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(text.get()).atZone(ATHENS).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
