package dev.webecr.sdk.testkit.viva;

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
import dev.webecr.sdk.spi.AttemptReference;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.CrashingJournal;
import dev.webecr.sdk.testkit.FaultMenus;
import dev.webecr.sdk.testkit.InjectedFault;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.viva.VivaProvider;
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
 * A seeded chaos run on Viva (viva-cloud-terminal §17, §18): sales through PosClient and the Viva
 * provider against {@link FakeVivaServer} with its worst-case defaults (a repeated session id
 * charges again, new sessions hidden 5 s, listings 30 s late, aborts ignored, rate limits), random
 * faults on every API request (lost answers after the fake acted among them), tokens revoked, the
 * ERP's process dying mid-payment (a new client opens the same journal file and recovers), every
 * kind of terminal, and 10.99 EUR sessions that Viva calls failed and later paid. Afterwards, calm,
 * recovery settles what it can and the fake's ledger is held against what the ERP was told.
 *
 * <p>{@code -Dchaos.viva=N} (CI 500, the {@code chaos} profile 10,000) and {@code -Dchaos.seed=S}.
 */
class VivaChaosRunTest {
  private static final int PAYMENTS = Integer.getInteger("chaos.viva", 500);
  private static final long SEED = Long.getLong("chaos.seed", 20261207L);

  private static final List<InjectedFault> MENU = FaultMenus.COMMON;

  /** The terminals paid on, by weight out of 100. */
  private static final Map<FakeVivaTerminal, Integer> WEIGHTS =
      Map.of(
          FakeVivaTerminal.APPROVE, 52,
          FakeVivaTerminal.DECLINE, 10,
          FakeVivaTerminal.CANCEL, 8,
          FakeVivaTerminal.SLOW, 10,
          FakeVivaTerminal.NOBODY_PAYS, 8,
          FakeVivaTerminal.ACKNOWLEDGES_ABORT, 8,
          FakeVivaTerminal.NEVER_REACHED, 4);

  private final Random random = new Random(SEED);
  private final TestClock clock = new TestClock(Instant.parse("2026-12-07T06:00:00Z"));
  private final TestSigner signer = new TestSigner(clock);
  private final List<String> nothingCharged = new ArrayList<>();
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private List<Terminal> terminals;
  private Node node;
  private int crashes;

  @TempDir Path dir;

  /** One ERP process: its provider, journal and client. It dies with a Crash. */
  private final class Node implements AutoCloseable {
    final PosProvider viva;
    final CrashingJournal journal;
    final PosClient client;

    Node(FakeVivaServer fake, double crashRate) {
      viva =
          VivaProvider.create(
              fake.vivaConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(), clock);
      journal = new CrashingJournal(Journals.file(dir.resolve("viva.journal")), random, crashRate);
      client =
          PosClient.builder()
              .provider(viva)
              .journal(journal)
              .signer(signer)
              .clock(clock)
              .scheduler(new VirtualTimeScheduler(clock))
              .executor(Runnable::run)
              .paymentDeadline(Duration.ofSeconds(120))
              // correctness under faults does not depend on the poll rate; backing off keeps the
              // run's many long dialogues cheap (the default reads every second)
              .pollSchedule(PollSchedule.of(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(5)))
              .build();
    }

    @Override
    public void close() {
      client.close();
      journal.close();
      viva.close();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.MINUTES)
  void noReferenceIsChargedTwiceAndNoApprovalIsUnknownToTheErp() {
    try (FakeVivaServer fake =
        FakeVivaServer.builder().clock(clock).lateFlip(Duration.ofMinutes(10)).build().start()) {
      node = new Node(fake, 0.0);
      terminals = node.client.directTerminals();
      node.close();
      node = new Node(fake, 0.01);
      fake.faultsAtRandom(new Random(SEED + 1), 0.08, MENU);
      long wall = System.nanoTime();
      for (int n = 0; n < PAYMENTS; n++) {
        if (n % 50 == 49) {
          fake.revokeTokens();
        }
        settle(fake, "VC-" + n, terminal(), amount());
        clock.advance(Duration.ofSeconds(random.nextInt(20)));
      }
      fake.clearFaults();
      List<String> inDoubt = calmThenRecover(fake);
      check(fake, inDoubt);
      System.out.printf(
          "viva chaos run, seed %d, %d payments: outcomes %s, crashes %d, in doubt at the end"
              + " %d (never reached the device), charges at the fake %d, charged twice 0,"
              + " approvals unknown to the ERP 0, contradicted verdicts 0; %.1f s wall%n",
          SEED,
          PAYMENTS,
          outcomes,
          crashes,
          inDoubt.size(),
          fake.ledger().size(),
          (System.nanoTime() - wall) / 1e9);
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  private Terminal terminal() {
    int r = random.nextInt(100);
    for (Map.Entry<FakeVivaTerminal, Integer> e : new TreeMap<>(WEIGHTS).entrySet()) {
      r -= e.getValue();
      if (r < 0) {
        String id = e.getKey().terminalId();
        return terminals.stream().filter(t -> t.tid().equals(id)).findFirst().orElseThrow();
      }
    }
    throw new AssertionError("weights do not add up to 100");
  }

  private long amount() {
    return random.nextInt(50) == 0 ? 1099 : 100 * (1 + random.nextInt(80)) + random.nextInt(90);
  }

  /** Pays as an ERP would: again after doubt or "not sent"; a new node after a crash. */
  private void settle(FakeVivaServer fake, String reference, Terminal t, long cents) {
    PaymentRequest request =
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(cents))
            .reference(reference)
            .build();
    for (int tries = 0; tries < 5; tries++) {
      try {
        PaymentIntent p = node.client.pay(request);
        count(p.result().map(IntentResult::name).orElse("no result"));
        return;
      } catch (CrashingJournal.Crash crash) {
        crashes++;
        restart(fake);
      } catch (OutcomeUnknownException e) {
        count("in doubt at the deadline");
        clock.advance(Duration.ofSeconds(60));
      } catch (ConnectionException e) {
        count(e.isOutcomeUnknown() ? "connection, unknown" : "not sent");
        if (e.getMessage().contains("nothing was charged")) {
          nothingCharged.add(e.providerReference().orElse("?"));
        }
      } catch (PosException e) {
        count(e.getClass().getSimpleName());
        clock.advance(Duration.ofSeconds(5));
      }
    }
  }

  private void count(String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
  }

  private void restart(FakeVivaServer fake) {
    node.close();
    node = new Node(fake, 0.01);
    try {
      node.client.recover();
    } catch (CrashingJournal.Crash again) {
      crashes++;
      restart(fake);
    } catch (PosException e) {
      count("recovery after a crash: " + e.getClass().getSimpleName());
    }
  }

  /** Faults gone, a new process, hours later: what recovery leaves in doubt. */
  private List<String> calmThenRecover(FakeVivaServer fake) {
    node.close();
    node = new Node(fake, 0.0);
    List<String> inDoubt = List.of();
    for (int run = 0; run < 4; run++) {
      clock.advance(Duration.ofHours(7));
      RecoveryReport report = node.client.recover();
      inDoubt = report.inDoubt();
      if (inDoubt.isEmpty()) {
        break;
      }
    }
    return inDoubt;
  }

  private void check(FakeVivaServer fake, List<String> inDoubt) {
    Map<String, Integer> chargesPerReference = new TreeMap<>();
    List<String> unknownToErp = new ArrayList<>();
    for (FakeVivaCharge c : fake.ledger()) {
      String reference = AttemptReference.parse(c.sessionId()).reference();
      chargesPerReference.merge(reference, 1, Integer::sum);
      Optional<JournalEntry> known = node.journal.latest(c.sessionId());
      boolean erpKnows =
          known.isPresent()
              && known.get().phase() == JournalPhase.SETTLED
              && known.get().resultCode().equals(Optional.of(IntentResult.APPROVED.code()));
      if (!erpKnows) {
        unknownToErp.add(
            c + " journal " + known.map(e -> e.phase() + " " + e.resultCode()).orElse("nothing"));
      }
    }
    List<String> contradicted = new ArrayList<>();
    for (String reference : nothingCharged) {
      if (fake.posts(reference) > 0) {
        contradicted.add("nothing charged, but the fake received " + reference);
      }
    }
    for (JournalEntry e : node.journal.all()) {
      boolean saidNotCharged =
          e.phase() == JournalPhase.SETTLED
              && e.resultCode().isPresent()
              && !e.resultCode().equals(Optional.of(IntentResult.APPROVED.code()))
              && e.resolvedBy().isEmpty();
      if (saidNotCharged && fake.charges(e.providerReference()) > 0) {
        contradicted.add(e.providerReference() + " settled " + e.resultCode() + ", but charged");
      }
    }
    assertThat(chargesPerReference)
        .as("references charged twice")
        .allSatisfy((ref, n) -> assertThat(n).as(ref).isEqualTo(1));
    assertThat(unknownToErp).as("approvals the ERP does not know").isEmpty();
    assertThat(contradicted).as("verdicts the fake's ledger contradicts").isEmpty();
    assertThat(inDoubt)
        .as("left in doubt: only sessions that never reached the device")
        .allSatisfy(
            ref ->
                assertThat(
                        node.journal.latest(ref).map(e -> e.terminal().tid()).orElse("")
                            + " "
                            + ref)
                    .startsWith(FakeVivaTerminal.NEVER_REACHED.terminalId()));
    assertThat(outcomes).containsKey("APPROVED");
  }
}
