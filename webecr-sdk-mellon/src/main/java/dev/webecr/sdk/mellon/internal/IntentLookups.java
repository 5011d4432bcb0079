package dev.webecr.sdk.mellon.internal;

import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.ProviderRejectedException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.CreateIntentCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finding intents again and reading their state: by reference, a void by its original's
 * TransactionId (its wire has no reference), by id through the single-intent route or, where that
 * route is missing, through the filtered list; each with its card transaction joined ({@link
 * CardDataJoin}).
 */
final class IntentLookups {
  private static final Logger log = LoggerFactory.getLogger(IntentLookups.class);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  /** Clock skew allowed between us and WebECR when a void is matched by time. */
  static final Duration SKEW = Duration.ofMinutes(2);

  /** [assumed] How far back an intent known only by its id is looked for without its route. */
  private static final Duration RECENT = Duration.ofDays(7);

  private final WebEcrPages pages;
  private final Clock clock;
  private final CardDataJoin join;
  private volatile boolean singleRouteMissing;

  IntentLookups(WebEcrPages pages, Clock clock) {
    this.pages = pages;
    this.clock = clock;
    this.join = new CardDataJoin(pages, clock);
  }

  /** See {@link CardDataJoin#withCardData(Answer, Terminal, AttemptLookup)}. */
  PaymentIntent withCardData(Answer answer, Terminal terminal, AttemptLookup attempt) {
    return join.withCardData(answer, terminal, attempt);
  }

  /** The intent of an attempt: by reference, or for a void through its original. */
  Optional<PaymentIntent> find(Terminal terminal, AttemptLookup attempt) {
    if (attempt.kind() == TransactionType.VOID) {
      return findVoid(terminal, attempt);
    }
    return byReference(terminal, attempt.providerReference(), attempt);
  }

  /** The intent created under {@code reference}, on whichever terminal WebECR has it. */
  Optional<PaymentIntent> byReference(Terminal terminal, String reference) {
    return byReference(terminal, reference, null);
  }

  /**
   * Two tills with journals of their own may send one attempt reference (the second's lookup before
   * its first attempt missed the first's, not yet committed or listed). An {@code attempt} then
   * takes the one created nearest its send ({@link AttemptCandidates}).
   */
  private Optional<PaymentIntent> byReference(
      Terminal terminal, String reference, AttemptLookup attempt) {
    List<WireJson> matches = new ArrayList<>();
    for (WireJson i : pages.intents(terminal, Map.of(MellonWire.FILTER_REFERENCE, reference))) {
      if (MellonMapper.reference(i).equals(Optional.of(reference))) {
        matches.add(i);
      }
    }
    matches = AttemptCandidates.byReference(matches, attempt, terminal);
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    matches.sort(
        Comparator.comparing((WireJson i) -> !MellonMapper.onTerminal(i, terminal))
            .thenComparing(i -> AttemptCandidates.distanceFromSend(i, attempt)));
    if (matches.size() > 1) {
      log.error(
          "WebECR holds {} intents under reference {}: reporting the one nearest its send",
          matches.size(),
          reference);
    }
    WireJson first = matches.get(0);
    if (!MellonMapper.onTerminal(first, terminal)) {
      // Never dropped: the charge is ours even if it ran on another device.
      log.error(
          "reference {} was found on another terminal (WebECR id {}) than {}: reporting it",
          reference,
          MellonMapper.terminalId(first).orElse("?"),
          terminal.tid());
    }
    return Optional.of(join.withCardData(first, terminal, reference));
  }

  /**
   * A void, found through {@code transactionintent/?TransactionId=<original's>}, or where that is
   * unknown through the terminal's void list by time. A candidate is matched by what it is, not by
   * its TransactionId (a void may echo its original's): not the original's intent, no intent of
   * another attempt, no {@code CustomerReference} and no {@code TxnType} (a void's request carries
   * neither; a sale and its refunds do), not older than the void's send. Ambiguity answers empty:
   * the client keeps a void it cannot find in doubt, never "not voided".
   */
  private Optional<PaymentIntent> findVoid(Terminal terminal, AttemptLookup attempt) {
    List<WireJson> candidates = new ArrayList<>();
    Instant from = attempt.sentAfter().minus(SKEW);
    if (attempt.originalTransactionId().isPresent()) {
      String original = attempt.originalTransactionId().get();
      for (WireJson i :
          pages.intents(terminal, Map.of(MellonWire.FILTER_TRANSACTION_ID, original))) {
        boolean notBefore = MellonMapper.created(i).map(t -> !t.isBefore(from)).orElse(true);
        boolean voidLike = MellonMapper.reference(i).isEmpty() && !MellonMapper.hasTxnType(i);
        if (notBefore && voidLike && !AttemptCandidates.excluded(i, attempt)) {
          candidates.add(i);
        }
      }
    } else {
      for (WireJson i : pages.voids(terminal)) {
        boolean recent = MellonMapper.created(i).map(t -> !t.isBefore(from)).orElse(false);
        if (recent && !AttemptCandidates.excluded(i, attempt)) {
          candidates.add(i);
        }
      }
    }
    if (candidates.size() > 1) {
      log.warn(
          "{} voids on terminal {} could be {}: keeping it in doubt",
          candidates.size(),
          terminal.tid(),
          attempt.providerReference());
      return Optional.empty();
    }
    return candidates.stream().findFirst().map(i -> join.withCardData(i, terminal, attempt));
  }

  /**
   * The state of an intent whose id is known: the single-intent route while it answers, else
   * (404/405: the route is missing) the filtered list, matched on {@code Id}.
   */
  PaymentIntent get(Terminal terminal, AttemptLookup attempt) {
    String id =
        attempt
            .intentId()
            .orElseThrow(() -> new IllegalArgumentException("attempt.intentId is empty"));
    if (!singleRouteMissing) {
      try {
        return withCardData(pages.intent(terminal, id), terminal, attempt);
      } catch (ProviderRejectedException e) {
        if (e.httpStatus() != 404 && e.httpStatus() != 405) {
          throw e;
        }
        log.info(
            "GET transactionintent/{id}/ answered {}: polling the filtered list instead",
            e.httpStatus());
        singleRouteMissing = true;
      }
    }
    // an intent known by its id alone (a status asked on site) is looked for among the recent ones
    boolean byIdAlone = attempt.providerReference().equals(MellonMapper.idReference(id));
    Optional<PaymentIntent> listed =
        byIdAlone ? recent(terminal, id) : find(terminal, attempt).filter(i -> i.id().equals(id));
    return listed.orElseThrow(
        () ->
            new ProviderRejectedException(
                byIdAlone
                    ? "no intent "
                        + id
                        + " among terminal "
                        + terminal.tid()
                        + "'s intents of the last 7 days (one made seconds ago may not be"
                        + " listed yet)"
                    : "intent " + id + " is not listed yet under its reference",
                404,
                "not_listed",
                true));
  }

  /** The intent {@code id} among the terminal's intents of the last {@link #RECENT}. */
  private Optional<PaymentIntent> recent(Terminal terminal, String id) {
    Map<String, String> window = new LinkedHashMap<>();
    window.put(
        MellonWire.FILTER_FROM,
        ISO.format(clock.instant().minus(RECENT).truncatedTo(ChronoUnit.SECONDS)));
    for (WireJson i : pages.intents(terminal, window)) {
      if (MellonMapper.intentId(i).equals(Optional.of(id))) {
        return Optional.of(join.withCardData(i, terminal, MellonMapper.idReference(id)));
      }
    }
    return Optional.empty();
  }

  /** The lookup of a create just sent, for reading its answer as that attempt's. */
  static AttemptLookup attemptOf(CreateIntentCommand c, Instant sent) {
    Optional<OriginalTransaction> o = c.original();
    return AttemptLookup.builder()
        .providerReference(c.providerReference())
        .kind(c.kind())
        .sentAfter(sent)
        .originalIntentId(o.flatMap(OriginalTransaction::intentId))
        .originalTransactionId(o.flatMap(OriginalTransaction::transactionId))
        .build();
  }
}
