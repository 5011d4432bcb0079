package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.testkit.CrashingJournal;
import dev.webecr.sdk.testkit.FaultMenus;
import dev.webecr.sdk.testkit.InjectedFault;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded chaos run: payments (and voids) through PosClient and the Mellon provider against the
 * strict fake, with random faults on every endpoint, lag, a missing single-intent route, card data
 * as objects, and the client process dying mid-payment (a new client then opens the same journal
 * file and recovers). Afterwards, with the faults gone, recovery settles what it can, and the
 * fake's own records are compared with what the ERP side knows.
 *
 * <p>{@code -Dchaos.payments=N} (the {@code chaos} profile: 10,000) and {@code -Dchaos.seed=S}.
 */
class ChaosRunTest {
  private static final int PAYMENTS = Integer.getInteger("chaos.payments", 300);
  private static final long SEED = Long.getLong("chaos.seed", 20261125L);
  private static final Duration DEADLINE = Duration.ofSeconds(300);

  /** The longest a pay() may take on virtual time: its deadline, a settle time, read retries. */
  private static final Duration LONGEST_CALL = DEADLINE.plusSeconds(180);

  /** The common faults, and those only WebECR's gateway is known to give (408, 400 after). */
  private static final List<InjectedFault> MENU =
      java.util.stream.Stream.concat(
              FaultMenus.COMMON.stream(),
              java.util.stream.Stream.of(
                  InjectedFault.delay(Duration.ofMillis(400)),
                  InjectedFault.statusAfterProcessing(408),
                  InjectedFault.statusAfterProcessing(400)))
          .collect(java.util.stream.Collectors.toList());

  /** Read timeout while faults fly: the 400 ms delays outlast it. */
  private static final Duration SHORT = Duration.ofMillis(300);

  private static final Duration CALM = Duration.ofSeconds(5);
  private final Random random = new Random(SEED);
  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T06:00:00Z"));
  private final Counts counts = new Counts();
  private final Instant runStart = clock.instant();

  /** Attempts the SDK said "nothing was charged" of: the fake must hold no intent for them. */
  private final List<String> nothingCharged = new ArrayList<>();

  /** What the last recovery left in doubt. */
  private List<String> finalInDoubt = List.of();

  /** Provider references the duplicate watch told the ERP of. */
  private final java.util.Set<String> told = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Duplicate refunds told to the ERP for a person: a refund committed after it was called not
   * sent, refunded again by the ERP, and its void declined (a closed batch). Only a void gives a
   * refund back; a refund of it would credit the card again.
   */
  private final java.util.Set<String> refundsForAPerson =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Node node;

  @TempDir Path dir;

  /** One ERP process: its provider, journal and client. It dies with a Crash. */
  private final class Node implements AutoCloseable {
    final dev.webecr.sdk.spi.PosProvider mellon;
    final CrashingJournal journal;
    final PosClient client;

    /**
     * The client's scheduler, run by the test between and during payments: background work (the
     * duplicate watch) interleaves with payments on virtual time, and dies with the node.
     */
    final VirtualTimeScheduler steps = VirtualTimeScheduler.stepped(clock);

    Node(FakeWebEcrServer server, double crashRate, Duration readTimeout) {
      mellon =
          dev.webecr.sdk.mellon.MellonProvider.create(
              server
                  .mellonConfig()
                  .readTimeout(readTimeout)
                  .retryScheduler(new VirtualTimeScheduler(clock))
                  .build(),
              clock);
      journal =
          new CrashingJournal(Journals.file(dir.resolve("webecr.journal")), random, crashRate);
      client =
          PosClient.builder()
              .provider(mellon)
              .journal(journal)
              .signer(new TestSigner(clock))
              .clock(clock)
              .scheduler(steps)
              .executor(Runnable::run)
              .onDiscrepancy(ChaosRunTest.this::told)
              .paymentDeadline(DEADLINE)
              // Correctness under faults does not depend on the poll rate; backing off keeps the
              // run's many 5-minute doubts cheap (the default polls every second).
              .pollSchedule(PollSchedule.of(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(5)))
              .terminalDirectory((p, id) -> Optional.ofNullable(terminal))
              .build();
    }

    /** {@code future}'s outcome, running this node's scheduler until it has one. */
    <T> T drive(java.util.concurrent.CompletableFuture<T> future) {
      try {
        steps.runDue(); // what the node's timer ran while the clock was moved by hand
        steps.runUntil(() -> true, future::isDone);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        return future.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof Error) {
          throw (Error) e.getCause(); // a simulated crash
        }
        throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
      }
    }

    RecoveryReport recover() {
      return drive(java.util.concurrent.CompletableFuture.supplyAsync(client::recover));
    }

    @Override
    public void close() {
      client.close();
      journal.close();
      mellon.close();
    }
  }

  private Terminal terminal;

  @Test
  @Timeout(value = 60, unit = TimeUnit.MINUTES)
  void noReferenceIsChargedTwiceAndNoApprovalIsUnknownToTheErp() {
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      node = new Node(server, 0.0, CALM);
      terminal =
          node.client.terminals(node.client.pair(FakeTerminals.REDEEM_CODE)).stream()
              .filter(t -> t.tid().equals(FakeTerminals.APPROVING_TID))
              .findFirst()
              .orElseThrow();
      node.close();
      node = new Node(server, 0.01, SHORT);
      server.faultsAtRandom(new Random(SEED + 1), 0.08, MENU);
      long wallStart = System.nanoTime();
      for (int n = 0; n < PAYMENTS; n++) {
        if (n % 25 == 0) {
          shake(server.fake().behaviour());
        }
        PaymentIntent sale =
            settle(
                server,
                PaymentRequest.builder()
                    .terminal(terminal)
                    .amount(Money.euroCents(amount()))
                    .reference("CH-" + n)
                    .build());
        if (sale != null && sale.isApproved() && random.nextInt(10) == 0) {
          settle(server, voidOf(sale, "VD-" + n));
          // an ERP that voids again, or refunds in full, must be refused before anything is sent
          settle(server, voidOf(sale, "VD2-" + n));
          settle(
              server,
              PaymentRequest.builder()
                  .terminal(terminal)
                  .kind(TransactionType.REFUND)
                  .amount(sale.amount())
                  .reference("RF-" + n)
                  .original(dev.webecr.sdk.OriginalTransaction.of(sale))
                  .build());
        }
        clock.advance(Duration.ofSeconds(random.nextInt(20)));
      }
      counts.wallSeconds = (System.nanoTime() - wallStart) / 1e9;
      calmThenRecover(server);
      check(server.fake());
    } finally {
      if (node != null) {
        node.close();
      }
    }
    System.out.println("chaos run, seed " + SEED + ": " + counts);
  }

  private PaymentRequest voidOf(PaymentIntent sale, String reference) {
    return PaymentRequest.builder()
        .terminal(terminal)
        .kind(TransactionType.VOID)
        .amount(sale.amount())
        .reference(reference)
        .original(dev.webecr.sdk.OriginalTransaction.of(sale))
        .build();
  }

  /** A new worst case every 25 payments: lag, routes, shapes, late and refused commits. */
  private void shake(WebEcrBehaviour b) {
    boolean late = random.nextInt(6) == 0;
    b.listingLag(Duration.ofSeconds(List.of(0, 0, 2, 10, 30).get(random.nextInt(5))))
        .singleIntentRoute(random.nextInt(4) != 0)
        .transactionAsObject(random.nextBoolean())
        .embeddedApproved(random.nextBoolean())
        .voidsOnOriginal(random.nextBoolean())
        .listDeclinedTransactions(random.nextBoolean())
        .lateCommit(
            late ? Duration.ofSeconds(70) : null,
            // within the settle window (found by the payment's lookups), or minutes after it
            // (called not found; the ERP pays again; the duplicate watch finds and reverses it)
            late
                ? Duration.ofSeconds(
                    random.nextBoolean() ? 10 + random.nextInt(30) : 180 + random.nextInt(900))
                : null)
        .refuseAfterCommit(
            random.nextInt(6) == 0 ? List.of(429, 408, 400).get(random.nextInt(3)) : 0);
  }

  private long amount() {
    int r = random.nextInt(100);
    long euros = 1 + random.nextInt(80);
    int cents;
    if (r < 70) {
      cents = random.nextInt(90); // approves
    } else {
      cents = List.of(91, 92, 93, 94, 98, 97, 96).get(Math.min(6, (r - 70) / 5));
    }
    return euros * 100 + cents;
  }

  /** Pays as an ERP would: again after BUSY, doubt or "not sent"; a new node after a crash. */
  private PaymentIntent settle(FakeWebEcrServer server, PaymentRequest request) {
    for (int tries = 0; tries < 8; tries++) {
      Instant start = clock.instant();
      try {
        PaymentIntent p = node.drive(node.client.payAsync(request));
        counts.calls++;
        longest(start);
        if (p.result().equals(Optional.of(IntentResult.BUSY))) {
          counts.busy++;
          clock.advance(Duration.ofSeconds(200));
          continue;
        }
        return p;
      } catch (CrashingJournal.Crash crash) {
        counts.crashes++;
        restart(server);
      } catch (OutcomeUnknownException e) {
        counts.inDoubt++;
        longest(start);
        clock.advance(Duration.ofSeconds(60));
      } catch (ConnectionException e) {
        counts.notSent += e.isOutcomeUnknown() ? 0 : 1;
        if (e.getMessage().contains("nothing was charged")) {
          nothingCharged.add(e.providerReference().orElse("?"));
        }
        longest(start);
      } catch (dev.webecr.sdk.InvalidRequestException e) {
        counts.creditsRefused++; // a second void or refund of a sale: refused, nothing sent
        return null;
      } catch (PosException e) {
        counts.otherErrors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        longest(start);
        clock.advance(Duration.ofSeconds(5));
      }
    }
    return null;
  }

  private void longest(Instant start) {
    Duration took = Duration.between(start, clock.instant());
    if (took.compareTo(counts.longestCall) > 0) {
      counts.longestCall = took;
    }
  }

  private void restart(FakeWebEcrServer server) {
    node.close();
    node = new Node(server, 0.01, SHORT);
    try {
      node.recover();
    } catch (CrashingJournal.Crash again) {
      counts.crashes++;
      restart(server);
    }
  }

  private void calmThenRecover(FakeWebEcrServer server) {
    server.clearFaults();
    server.fake().behaviour().reset();
    node.close();
    node = new Node(server, 0.0, CALM);
    for (int run = 0; run < 6; run++) {
      clock.advance(Duration.ofHours(7)); // past every dialogue and every recovery back-off
      RecoveryReport report = node.recover();
      counts.finalInDoubt = report.inDoubt().size();
      finalInDoubt = report.inDoubt();
      counts.needsAttention = report.needsAttention().size();
      if (report.inDoubt().isEmpty()) {
        break;
      }
    }
    // the ERP's reconciliation of the run: it reports every duplicate and late approval again,
    // with its reversal, where a crash came between giving one back and telling the ERP
    dev.webecr.sdk.ReconciliationReport reconciled =
        node.drive(
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> node.client.reconcile(dev.webecr.sdk.Period.of(runStart, clock.instant()))));
    for (dev.webecr.sdk.Discrepancy d : reconciled.discrepancies()) {
      if (d.kind() == dev.webecr.sdk.Discrepancy.Kind.DUPLICATE_APPROVAL
          || d.kind() == dev.webecr.sdk.Discrepancy.Kind.SENT_BUT_JOURNALED_NOT_SENT) {
        told(d);
      }
    }
  }

  private void told(dev.webecr.sdk.Discrepancy d) {
    told.add(d.providerReference());
    boolean duplicateRefund =
        d.kind() == dev.webecr.sdk.Discrepancy.Kind.DUPLICATE_APPROVAL
            && d.intent().map(i -> i.kind() == TransactionType.REFUND).orElse(false);
    if (duplicateRefund && d.reversalProblem().isPresent()) {
      refundsForAPerson.add(d.providerReference());
    } else if (duplicateRefund) {
      refundsForAPerson.remove(d.providerReference()); // given back at a later look
    }
  }

  private void check(FakeWebEcr fake) {
    Instant now = clock.instant();
    Map<String, Integer> approvalsPerDocument = new TreeMap<>();
    List<String> unknownToErp = new ArrayList<>();
    IntentJournal journal = node.journal;
    for (FakeIntent i : fake.intents()) {
      if (!i.approvedAt(now)) {
        continue;
      }
      counts.approvedAtFake++;
      Optional<JournalEntry> known;
      String document;
      if (i.reference != null) {
        document = AttemptReference.parse(i.reference).reference();
        known = journal.latest(i.reference);
      } else {
        document = "void of " + i.original.id;
        known =
            journal.all().stream()
                .filter(
                    e ->
                        e.kind() == TransactionType.VOID
                            && e.intentId().equals(Optional.of(String.valueOf(i.id))))
                .findFirst();
      }
      boolean givenBack = i.reference != null && givenBack(fake, i, now);
      // a reversal in doubt (its void never found, never re-sent) is left to a person: it must be
      // among what recovery reports in doubt
      Optional<String> reversalInDoubt =
          i.reference == null ? Optional.empty() : reversalInDoubt(journal, i);
      if (givenBack) {
        counts.reversed++;
      } else if (i.reference != null && refundsForAPerson.contains(i.reference)) {
        counts.refundsForAPerson++; // the ERP was told; only a person can get it back
      } else if (reversalInDoubt.isPresent()) {
        counts.reversalsInDoubt++;
        assertThat(finalInDoubt).as("reported in doubt").contains(reversalInDoubt.get());
      } else {
        approvalsPerDocument.merge(document, 1, Integer::sum);
      }
      boolean approvedInJournal =
          known.isPresent()
              && known.get().resultCode().equals(Optional.of(IntentResult.APPROVED.code()));
      boolean erpKnows =
          approvedInJournal
              && (known.get().phase() == JournalPhase.SETTLED
                  // found late by the watch: the ERP is told (and the duplicate given back)
                  || (known.get().phase() == JournalPhase.NOT_FOUND && told.contains(i.reference)));
      if (!erpKnows) {
        String siblings =
            i.reference != null
                ? ""
                : journal.all().stream()
                    .filter(
                        e ->
                            e.originalIntentId().equals(Optional.of(String.valueOf(i.original.id))))
                    .map(
                        e ->
                            e.providerReference()
                                + " "
                                + e.phase()
                                + " id "
                                + e.intentId()
                                + " result "
                                + e.resultCode()
                                + " created "
                                + e.createdAt())
                    .collect(java.util.stream.Collectors.joining("; "));
        unknownToErp.add(
            i.reference
                + "#"
                + i.id
                + " created "
                + i.createdAt
                + " journal: "
                + known.map(e -> e.phase() + " " + e.resultCode()).orElse("nothing")
                + " attempts: "
                + siblings);
      }
    }
    counts.toldByWatch = told.size();
    counts.twice = (int) approvalsPerDocument.values().stream().filter(c -> c > 1).count();
    counts.unknownToErp = unknownToErp.size();
    long phantom =
        journal.all().stream()
            .filter(
                e ->
                    e.phase() == JournalPhase.SETTLED
                        && e.resultCode().equals(Optional.of(IntentResult.APPROVED.code()))
                        && e.resolvedBy().isEmpty()
                        && e.intentId()
                            .flatMap(fake::intent)
                            .map(i -> !i.approvedAt(now))
                            .orElse(true))
            .count();

    assertThat(approvalsPerDocument)
        .as("documents charged twice")
        .allSatisfy((doc, c) -> assertThat(c).as(story(fake, journal, doc, now)).isEqualTo(1));
    assertThat(unknownToErp).as("approvals the ERP does not know").isEmpty();
    assertThat(doubleCredits(fake, now)).as("sales credited more than they were charged").isEmpty();
    assertThat(contradictedVerdicts(fake, now, journal))
        .as("verdicts the fake's ledger contradicts")
        .isEmpty();
    assertThat(phantom).as("approvals the ERP believes but the fake never made").isZero();
    assertThat(counts.longestCall)
        .as("longest pay() on virtual time")
        .isLessThanOrEqualTo(LONGEST_CALL);
    assertThat(counts.calls).as("payments that ended with an answer").isPositive();
  }

  /** What the fake and the journal hold of {@code document}'s attempts and their reversals. */
  private static String story(
      FakeWebEcr fake, IntentJournal journal, String document, Instant now) {
    StringBuilder out = new StringBuilder(document);
    for (FakeIntent i : fake.intents()) {
      if (i.reference == null
          || !AttemptReference.parse(i.reference).reference().equals(document)) {
        continue;
      }
      out.append("\n  ")
          .append(i.reference)
          .append(" #")
          .append(i.id)
          .append(" created ")
          .append(i.createdAt)
          .append(" approved ")
          .append(i.approvedAt(now))
          .append(" voided ")
          .append(i.voidedAt(now))
          .append(" journal ")
          .append(
              journal
                  .latest(i.reference)
                  .map(e -> e.phase() + " " + e.intentId() + " " + e.resultCode())
                  .orElse("nothing"));
      for (String r : List.of("REV-" + i.id, "REF-" + i.id)) {
        journal
            .attempts(r)
            .forEach(
                e ->
                    out.append("\n    ")
                        .append(e.providerReference())
                        .append(" ")
                        .append(e.phase())
                        .append(" ")
                        .append(e.resultCode()));
      }
    }
    return out.toString();
  }

  /** The reversal of {@code i} the journal holds in doubt, if any. */
  private static Optional<String> reversalInDoubt(IntentJournal journal, FakeIntent i) {
    return List.of("REV-" + i.id, "REF-" + i.id).stream()
        .flatMap(r -> journal.attempts(r).stream())
        .filter(e -> e.phase().isInFlight())
        .map(JournalEntry::providerReference)
        .findFirst();
  }

  /** True when {@code i} was given back: voided, or refunded in full as a duplicate. */
  private static boolean givenBack(FakeWebEcr fake, FakeIntent i, Instant now) {
    // the refund may be a later attempt (its first came back BUSY)
    String refund = "REF-" + i.id + "-A";
    return i.voidedAt(now)
        || fake.intents().stream()
            .anyMatch(
                r -> r.reference != null && r.reference.startsWith(refund) && r.approvedAt(now));
  }

  /**
   * Sales whose approved voids and refunds gave back more than the sale charged; a refund that was
   * itself voided (the SDK giving back a duplicate refund) counts for nothing.
   */
  private List<String> doubleCredits(FakeWebEcr fake, Instant now) {
    Map<Long, Long> credited = new TreeMap<>();
    Map<Long, List<String>> credits = new TreeMap<>();
    List<FakeIntent> all = fake.intents();
    for (FakeIntent i : all) {
      if (!i.approvedAt(now)) {
        continue;
      }
      boolean undoesACredit =
          i.kind == TransactionType.VOID && i.original.kind == TransactionType.REFUND;
      if (undoesACredit || (i.kind == TransactionType.REFUND && i.voidedAt(now))) {
        continue; // a refund voided (a duplicate refund given back) credited nothing in the end
      }
      if (i.reference != null && refundsForAPerson.contains(i.reference)) {
        continue; // a duplicate refund the ERP was told of, for a person: counted apart
      }
      FakeIntent sale = i.kind == TransactionType.VOID ? i.original : saleNamed(all, i);
      if (sale != null) {
        credited.merge(sale.id, i.kind == TransactionType.VOID ? sale.cents : i.cents, Long::sum);
        credits
            .computeIfAbsent(sale.id, k -> new ArrayList<>())
            .add(i.reference + " " + i.kind + " " + i.cents + " intent " + i.id);
        counts.credits++;
      }
    }
    List<String> out = new ArrayList<>();
    for (FakeIntent sale : all) {
      long back = credited.getOrDefault(sale.id, 0L);
      if (back > sale.cents) {
        // which credits, so that a failing seed can be read without running it again
        out.add(
            sale.reference
                + " charged "
                + sale.cents
                + ", credited "
                + back
                + " by "
                + credits.get(sale.id));
      }
    }
    return out;
  }

  private static FakeIntent saleNamed(List<FakeIntent> all, FakeIntent refund) {
    if (refund.kind != TransactionType.REFUND || refund.originalId == null) {
      return null;
    }
    return all.stream()
        .filter(
            s ->
                s.transactionRecordId().equals(refund.originalId)
                    || s.transactionId().equals(refund.originalId))
        .findFirst()
        .orElse(null);
  }

  /**
   * "Nothing was charged" said of an attempt the fake holds, and a void journaled as not approved
   * whose money went back.
   */
  private List<String> contradictedVerdicts(FakeWebEcr fake, Instant now, IntentJournal journal) {
    List<String> out = new ArrayList<>();
    for (String reference : nothingCharged) {
      if (fake.intentsUnder(reference) > 0) {
        out.add("nothing charged, but the fake holds " + reference);
      }
    }
    for (JournalEntry e : journal.all()) {
      boolean notVoided =
          e.kind() == TransactionType.VOID
              && e.phase() == JournalPhase.SETTLED
              && !e.resultCode().equals(Optional.of(IntentResult.APPROVED.code()));
      if (notVoided
          && e.intentId().flatMap(fake::intent).map(i -> i.approvedAt(now)).orElse(false)) {
        out.add("not voided, but the fake voided " + e.providerReference());
      }
    }
    return out;
  }

  /** What a run counts. */
  private static final class Counts {
    int calls;
    int busy;
    int inDoubt;
    int notSent;
    int crashes;
    int approvedAtFake;
    int twice;
    int unknownToErp;
    int finalInDoubt;
    int needsAttention;
    int credits;
    int creditsRefused;
    int reversed;
    int reversalsInDoubt;
    int refundsForAPerson;
    int toldByWatch;
    double wallSeconds;
    Duration longestCall = Duration.ZERO;
    final Map<String, Integer> otherErrors = new TreeMap<>();

    @Override
    public String toString() {
      return String.format(
          "payments %d, answers %d, approved at the fake %d, charged twice %d, "
              + "approvals unknown to the ERP %d, BUSY %d, in doubt at a deadline %d, not sent %d, "
              + "other errors %s, crashes %d, in doubt after recovery %d (needing a person %d), "
              + "longest pay() %s virtual, %.1f s wall; credits at the fake %d, second voids and"
              + " refunds refused %d, double credits 0, contradicted verdicts 0; approvals given"
              + " back %d (duplicates reversed by the SDK, sales voided by the ERP), reversals in"
              + " doubt for a person %d, duplicate refunds told for a person %d, told by the"
              + " duplicate watch %d",
          PAYMENTS,
          calls,
          approvedAtFake,
          twice,
          unknownToErp,
          busy,
          inDoubt,
          notSent,
          otherErrors,
          crashes,
          finalInDoubt,
          needsAttention,
          longestCall,
          wallSeconds,
          credits,
          creditsRefused,
          reversed,
          reversalsInDoubt,
          refundsForAPerson,
          toldByWatch);
    }
  }
}
