package dev.webecr.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.JournalException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application servers ("nodes"), each with its own pool, store and client, share one PostgreSQL
 * and one fake WebECR with short card dialogues (on the real clock). Lease expiry runs on a test
 * clock shared by the nodes' stores.
 */
class TwoNodesTest {
  private static final int TERMINALS = 20;
  private static final Duration LEASE = Duration.ofSeconds(30);
  private final TestClock leaseClock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final List<AutoCloseable> open = new ArrayList<>();
  private FakeWebEcrServer server;
  private String prefix;

  /** One node: pool, store, Mellon provider and client. */
  private final class Node {
    final HikariDataSource pool;
    final JdbcStore store;
    final PosProvider mellon;
    final PosClient client;
    final List<Terminal> terminals;

    Node(String id) {
      pool = Postgres.pool(id);
      store =
          JdbcStore.builder(pool)
              .tablePrefix(prefix)
              .nodeId(id)
              .clock(leaseClock)
              .leaseDuration(LEASE)
              .applySchema(true)
              .build();
      mellon = MellonProvider.create(server.mellonConfig().build(), Clock.systemUTC());
      client =
          PosClient.builder()
              .provider(mellon)
              .journal(store.journal())
              .terminalLease(store.lease())
              .terminalWait(Duration.ofMinutes(2))
              .signer(new TestSigner(Clock.systemUTC()))
              .build();
      terminals = client.terminals(client.pair(FakeTerminals.REDEEM_CODE));
      open.add(client);
      open.add(mellon);
      open.add(store);
      open.add(pool);
    }

    Terminal till(int i) {
      String tid = String.valueOf(50_000_000 + i);
      return terminals.stream().filter(t -> t.tid().equals(tid)).findFirst().orElseThrow();
    }

    CompletableFuture<PaymentIntent> pay(int till, String reference) {
      return client.payAsync(
          PaymentRequest.builder()
              .terminal(till(till))
              .amount(Money.euroCents(1000 + Math.floorMod(reference.hashCode(), 90)))
              .reference(reference)
              .build());
    }
  }

  @BeforeEach
  void start() {
    prefix = Postgres.freshPrefix();
    server = FakeWebEcrServer.builder().clock(Clock.systemUTC()).build().start();
    server.fake().behaviour().dialogueTime(Duration.ofMillis(30));
    for (int i = 0; i < TERMINALS; i++) {
      server
          .fake()
          .addTerminal(
              String.valueOf(50_000_000 + i),
              String.valueOf(600_000 + i),
              "Shared till " + i,
              TerminalProfile.APPROVE);
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    server.close();
  }

  /** Charges per ERP reference, over all its attempts. */
  private Map<String, Integer> charges() {
    Map<String, Integer> out = new HashMap<>();
    server
        .fake()
        .approvalsByReference()
        .forEach(
            (providerReference, n) ->
                out.merge(
                    providerReference.substring(0, providerReference.lastIndexOf("-A")),
                    n,
                    Integer::sum));
    return out;
  }

  @Test
  void fiveHundredPaymentsFromTwoNodesOnTwentyTerminalsNeverOverlapNorChargeTwice()
      throws Exception {
    Node a = new Node("node-a");
    Node b = new Node("node-b");
    List<CompletableFuture<PaymentIntent>> runs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Node node = (i / TERMINALS) % 2 == 0 ? a : b; // each terminal gets both nodes in turn
      runs.add(node.pay(i % TERMINALS, "TWO-" + i));
    }
    CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])).get(5, TimeUnit.MINUTES);

    assertThat(runs).allSatisfy(r -> assertThat(r.join().isApproved()).isTrue());
    assertThat(server.fake().overlappingDialogues()).isZero();
    Map<String, Integer> charges = charges();
    for (int i = 0; i < 500; i++) {
      String ref = "TWO-" + i;
      assertThat(charges.get(ref)).as(ref).isEqualTo(1);
      for (Node node : List.of(a, b)) {
        List<JournalEntry> attempts = node.store.journal().attempts(ref);
        assertThat(attempts)
            .as(ref)
            .last()
            .satisfies(
                e -> {
                  assertThat(e.phase()).isEqualTo(JournalPhase.SETTLED);
                  assertThat(e.resultCode()).contains(1);
                });
      }
    }
  }

  @Test
  void aPaymentStartedWhileTheDatabaseIsUnreachableFailsTypedBeforeAnythingIsSent() {
    Node a = new Node("node-a");
    a.pool.close();

    Throwable error = catchThrowable(() -> a.pay(1, "NO-DB-1").get(1, TimeUnit.MINUTES));

    assertThat(error).hasCauseInstanceOf(JournalException.class);
    assertThat(server.fake().creates()).isZero();
  }

  @Test
  void aDeadNodesPaymentIsLeftAloneWhileItsLeaseLivesThenRecoveredByTheOther() throws Exception {
    server.fake().behaviour().dialogueTime(Duration.ofMillis(600));
    Node a = new Node("node-a");
    Node b = new Node("node-b");
    CompletableFuture<PaymentIntent> dying = a.pay(3, "DEAD-1");
    while (server.fake().creates() == 0) {
      Thread.sleep(1); // waiting for the create to reach WebECR, not for an outcome
    }
    a.store.close(); // node A dies: no renewals, no journal
    a.pool.close();

    Throwable aSaw = catchThrowable(() -> dying.get(1, TimeUnit.MINUTES));
    if (aSaw != null && aSaw.getCause() instanceof ConnectionException) {
      // the database dropped mid-payment: in doubt, never "not sent"
      assertThat(((ConnectionException) aSaw.getCause()).isOutcomeUnknown()).isTrue();
    }
    RecoveryReport whileAlive = b.client.recover();
    assertThat(whileAlive.inDoubt()).containsExactly("DEAD-1-A1");
    assertThat(b.store.journal().latest("DEAD-1-A1").orElseThrow().phase().isInFlight()).isTrue();

    leaseClock.advance(LEASE);
    RecoveryReport afterExpiry = b.client.recover();

    assertThat(afterExpiry.settled())
        .singleElement()
        .satisfies(i -> assertThat(i.isApproved()).isTrue());
    assertThat(b.pay(3, "DEAD-1").get(1, TimeUnit.MINUTES).isApproved()).isTrue();
    assertThat(charges()).containsEntry("DEAD-1", 1);
    assertThat(server.fake().creates()).isEqualTo(1);
  }
}
