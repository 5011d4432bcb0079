package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.IntentStatus;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Joins a completed intent to its card transaction (RRN, authorisation code, card), read from the
 * terminal's {@code transaction/} list when the intent does not carry it with its {@code Approved}
 * flag; an UNKNOWN void is settled from that record by {@link VoidEvidence}.
 */
final class CardDataJoin {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  /** How long before its intent's timestamp a card transaction is looked for. */
  private static final Duration JOIN_MARGIN = Duration.ofMinutes(10);

  private final WebEcrPages pages;
  private final Clock clock;

  CardDataJoin(WebEcrPages pages, Clock clock) {
    this.pages = pages;
    this.clock = clock;
  }

  /** {@link #withCardData(Answer, Terminal, String)} of a list item (its JSON written again). */
  PaymentIntent withCardData(WireJson item, Terminal terminal, String reference) {
    return withCardData(new Answer(item, item.toJson()), terminal, reference);
  }

  PaymentIntent withCardData(WireJson item, Terminal terminal, AttemptLookup attempt) {
    return withCardData(new Answer(item, item.toJson()), terminal, attempt);
  }

  /**
   * The intent of {@code attempt}: a void is settled by {@link VoidEvidence}, anything else as
   * usual.
   */
  PaymentIntent withCardData(Answer answer, Terminal terminal, AttemptLookup attempt) {
    if (attempt.kind() != TransactionType.VOID) {
      return withCardData(answer, terminal, attempt.providerReference());
    }
    String reference = attempt.providerReference();
    PaymentIntent bare = MellonMapper.voidIntent(answer, Optional.empty(), terminal, reference);
    boolean unknown = bare.result().equals(Optional.of(IntentResult.UNKNOWN));
    if (bare.status() != IntentStatus.COMPLETED || !(bare.isApproved() || unknown)) {
      return bare;
    }
    Optional<Answer> record =
        MellonMapper.carriesTransaction(answer.json)
            ? Optional.empty()
            : transactionOf(answer.json, terminal, reference);
    PaymentIntent joined =
        record.isEmpty() ? bare : MellonMapper.voidIntent(answer, record, terminal, reference);
    if (!unknown) {
      return joined;
    }
    Optional<WireJson> evidence =
        record.map(a -> a.json).or(() -> MellonMapper.embeddedTransaction(answer.json));
    return evidence
        .flatMap(r -> VoidEvidence.result(answer.json, r, attempt))
        .map(
            result ->
                PaymentIntent.builder()
                    .from(joined)
                    .statusCode(IntentStatus.COMPLETED.code())
                    .resultCode(result.code())
                    .build())
        .orElse(joined);
  }

  /** Maps an intent, joining its card transaction when it completed approved or in doubt. */
  PaymentIntent withCardData(Answer answer, Terminal terminal, String reference) {
    WireJson intent = answer.json;
    PaymentIntent bare = MellonMapper.intent(answer, Optional.empty(), terminal, reference);
    boolean completed = bare.status() == IntentStatus.COMPLETED;
    boolean worthJoining =
        bare.isApproved() || bare.result().equals(Optional.of(IntentResult.UNKNOWN));
    if (!completed || !worthJoining || MellonMapper.carriesTransaction(intent)) {
      return bare;
    }
    Optional<Answer> txn =
        transactionOf(intent, terminal, MellonMapper.reference(intent).orElse(reference));
    return txn.isEmpty() ? bare : MellonMapper.intent(answer, txn, terminal, reference);
  }

  private Optional<Answer> transactionOf(WireJson intent, Terminal terminal, String reference) {
    String record = MellonMapper.transactionRecord(intent).orElse(null);
    // The card transaction follows its intent: a window from just before the intent's own
    // (server) timestamp keeps the read to a page; without one, our clock and a day's margin.
    Optional<Instant> created = MellonMapper.created(intent);
    Instant from =
        created
            .map(c -> c.minus(JOIN_MARGIN))
            .orElseGet(() -> clock.instant().minus(Duration.ofDays(1)));
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put(MellonWire.FILTER_TID, terminal.tid());
    filter.put(MellonWire.FILTER_FROM, ISO.format(from.truncatedTo(ChronoUnit.SECONDS)));
    filter.put(
        MellonWire.FILTER_TO,
        ISO.format(clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS)));
    for (WireJson t : pages.transactions(terminal, filter)) {
      if (MellonMapper.matchesTransaction(t, record, reference)) {
        return Optional.of(new Answer(t, t.toJson()));
      }
    }
    return Optional.empty();
  }
}
