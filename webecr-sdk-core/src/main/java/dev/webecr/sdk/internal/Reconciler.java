package dev.webecr.sdk.internal;

import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.DuplicatePolicy;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.ReconciliationReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compares the journal of a period with what the provider reports for it. */
final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final PosProvider provider;
  private final IntentJournal journal;
  private final RememberedTerminals terminals;
  private final Clock clock;
  private final DuplicatePolicy duplicatePolicy;
  private final Function<PaymentRequest, CompletableFuture<PaymentIntent>> pay;

  Reconciler(
      ClientContext ctx,
      RememberedTerminals terminals,
      DuplicatePolicy duplicatePolicy,
      Function<PaymentRequest, CompletableFuture<PaymentIntent>> pay) {
    this.provider = ctx.provider;
    this.journal = ctx.journal;
    this.terminals = terminals;
    this.clock = ctx.clock;
    this.duplicatePolicy = duplicatePolicy;
    this.pay = pay;
  }

  /** The provider's current state of {@code intent}, journaled when the journal holds it. */
  PaymentIntent refresh(PaymentIntent intent) {
    Terminal terminal = terminals.withKey(intent.terminal());
    AttemptLookup lookup =
        journal
            .latest(intent.providerReference())
            .map(e -> AttemptLookups.of(journal, e, java.util.Optional.of(intent.id())))
            .orElseGet(
                () ->
                    AttemptLookup.builder()
                        .providerReference(intent.providerReference())
                        .kind(intent.kind())
                        .sentAfter(intent.createdAt().orElse(clock.instant()))
                        .intentId(intent.id())
                        .build());
    PaymentIntent fresh =
        PaymentIntent.builder()
            .from(provider.getAttempt(terminal, lookup))
            .providerReference(intent.providerReference())
            .kind(intent.kind())
            .build();
    journalRefreshed(journal, fresh, clock);
    return fresh;
  }

  /**
   * Intents on the other terminals this client knows (another till's, say) under references its
   * journal paid in the period: a customer charged at two tills for one document is found by either
   * till's reconciliation. Only duplicates are looked for there.
   */
  private List<PaymentIntent> sameReferencesElsewhere(
      Set<String> listedDevices, List<JournalEntry> journaled, Period period) {
    Set<String> references = new HashSet<>();
    journaled.forEach(e -> references.add(e.reference()));
    List<PaymentIntent> out = new ArrayList<>();
    if (references.isEmpty()) {
      return out;
    }
    for (Terminal t : terminals.known(provider.id())) {
      if (listedDevices.contains(t.callId())) {
        continue;
      }
      try {
        for (PaymentIntent i : provider.intents(t, period)) {
          if (references.contains(AttemptReference.parse(i.providerReference()).reference())) {
            out.add(i);
          }
        }
      } catch (PosException e) {
        // another till's terminal may refuse this client's key: its duplicates are that till's
        log.info("could not list terminal {} for duplicates: {}", t.tid(), e.getMessage());
      }
    }
    return out;
  }

  /** Journals a state the provider reported, when the journal holds the attempt. */
  static void journalRefreshed(IntentJournal journal, PaymentIntent fresh, Clock clock) {
    Optional<JournalEntry> held = journal.latest(fresh.providerReference());
    if (held.isEmpty()) {
      return;
    }
    JournalPhase phase = fresh.isSettled() ? JournalPhase.SETTLED : JournalPhase.IN_FLIGHT;
    JournalUpdate.next(held.get(), phase, fresh, clock.instant()).ifPresent(journal::record);
  }

  /** See {@link PosClient#intents}. */
  List<PaymentIntent> intents(Terminal terminal, Period period) {
    return asJournaled(provider.intents(terminals.withKey(terminal), period), journal.all());
  }

  /**
   * The listed intents, each one the journal holds (by intent id) under its journaled reference and
   * kind: a void's wire carries neither, and must never read as a sale.
   */
  private List<PaymentIntent> asJournaled(List<PaymentIntent> listed, List<JournalEntry> entries) {
    Map<String, JournalEntry> byId = new HashMap<>();
    for (JournalEntry e : entries) {
      if (e.intentId().isPresent() && e.terminal().providerId().equals(provider.id())) {
        byId.put(e.intentId().get(), e);
      }
    }
    List<PaymentIntent> out = new ArrayList<>(listed.size());
    for (PaymentIntent i : listed) {
      JournalEntry e = byId.get(i.id());
      out.add(
          e == null
              ? i
              : PaymentIntent.builder()
                  .from(i)
                  .providerReference(e.providerReference())
                  .kind(e.kind())
                  .build());
    }
    return out;
  }

  ReconciliationReport reconcile(Period period) {
    List<JournalEntry> journaled = inPeriod(period);
    for (JournalEntry e : journaled) {
      if (e.phase().isInFlight()) {
        refresh(e);
      }
    }
    journaled = inPeriod(period);
    Map<String, Terminal> byDevice = new LinkedHashMap<>();
    journaled.forEach(e -> byDevice.putIfAbsent(e.terminal().callId(), e.terminal()));
    Map<String, PaymentIntent> reported = new HashMap<>();
    Map<String, PaymentIntent> reportedById = new HashMap<>();
    List<PaymentIntent> listed = new ArrayList<>();
    ReconciliationReport.Builder report = ReconciliationReport.builder().period(period);
    for (Terminal t : byDevice.values()) {
      for (PaymentIntent i :
          asJournaled(provider.intents(terminals.withKey(t), period), journaled)) {
        listed.add(i);
        reported.put(i.providerReference(), i);
        reportedById.put(i.id(), i);
        report.addProviderIntents(i);
      }
    }
    listed.addAll(sameReferencesElsewhere(byDevice.keySet(), journaled, period));
    Map<String, Discrepancy> duplicates = DuplicateApprovals.find(listed, journal);
    for (Discrepancy d : duplicates.values()) {
      report.addDiscrepancies(
          duplicatePolicy == DuplicatePolicy.AUTO_REVERSE
              ? Reversals.reverse(d, journal, pay).join()
              : d);
    }
    for (JournalEntry e : journaled) {
      // By the intent id the journal holds first (a void's wire carries no reference, and two
      // tills may have sent one reference), else by reference.
      PaymentIntent i = e.intentId().map(reportedById::get).orElse(null);
      if (i == null) {
        i = reported.get(e.providerReference());
      }
      if (i != null && duplicates.containsKey(i.id())) {
        continue; // reported as the duplicate it is
      }
      if (i != null && i.result().equals(Optional.of(IntentResult.UNKNOWN))) {
        i = settledByCardTransaction(e, i);
      }
      compare(e, i, report);
    }
    for (PaymentIntent i : reported.values()) {
      if (AttemptReference.parse(i.providerReference()).attempt() > 0
          && !duplicates.containsKey(i.id())
          && journal.latest(i.providerReference()).isEmpty()) {
        report.addDiscrepancies(
            Discrepancy.builder()
                .kind(Discrepancy.Kind.UNKNOWN_TO_JOURNAL)
                .providerReference(i.providerReference())
                .journalSays("nothing")
                .providerSays(describe(i))
                .intent(i)
                .build());
      }
    }
    return report.build();
  }

  /**
   * A listed UNKNOWN is in doubt, not a result: the card transaction settles it (as a payment's own
   * polling does) before it is called a difference. If that cannot be asked, the listing stands.
   */
  private PaymentIntent settledByCardTransaction(JournalEntry e, PaymentIntent listed) {
    try {
      return provider.getAttempt(
          terminals.withKey(e.terminal()), AttemptLookups.of(journal, e, Optional.of(listed.id())));
    } catch (PosException ex) {
      log.info("could not settle {} by its card transaction: {}", listed.id(), ex.getMessage());
      return listed;
    }
  }

  private List<JournalEntry> inPeriod(Period period) {
    return journal.all().stream()
        .filter(e -> e.terminal().providerId().equals(provider.id()))
        .filter(e -> period.contains(e.createdAt()))
        .collect(Collectors.toList());
  }

  private void refresh(JournalEntry e) {
    Terminal t = terminals.withKey(e.terminal());
    try {
      Optional<PaymentIntent> fresh =
          e.intentId().isPresent()
              ? Optional.of(provider.getAttempt(t, AttemptLookups.of(journal, e, e.intentId())))
              : provider.findAttempt(t, AttemptLookups.of(journal, e, Optional.empty()));
      fresh.ifPresent(i -> journalRefreshed(journal, i, clock));
    } catch (PosException ex) {
      log.info("could not refresh {}: {}", e.providerReference(), ex.getMessage());
    }
  }

  private static void compare(JournalEntry e, PaymentIntent i, ReconciliationReport.Builder out) {
    Discrepancy.Kind kind = null;
    if (e.phase().isNotSent()) {
      kind = i != null ? Discrepancy.Kind.SENT_BUT_JOURNALED_NOT_SENT : null;
    } else if (i == null) {
      kind = Discrepancy.Kind.MISSING_AT_PROVIDER;
    } else if (!Objects.equals(e.resultCode(), i.resultCode())
        || (e.phase() == JournalPhase.SETTLED) != i.isSettled()) {
      kind = Discrepancy.Kind.RESULT_DIFFERS;
    }
    if (kind != null) {
      out.addDiscrepancies(
          Discrepancy.builder()
              .kind(kind)
              .providerReference(e.providerReference())
              .journalSays(
                  e.phase()
                      + e.resultCode().map(c -> " result " + IntentResult.fromCode(c)).orElse(""))
              .providerSays(i == null ? "nothing" : describe(i))
              .intent(Optional.ofNullable(i))
              .build());
    }
  }

  private static String describe(PaymentIntent i) {
    return i.status() + i.result().map(r -> " " + r).orElse("");
  }
}
