package dev.webecr.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.JournalEntry;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The duplicate watch over a shared PostgreSQL journal: a node that called an attempt not found
 * goes down before its watch looked again; another node's watch, started on the same journal, finds
 * the late commit and tells its ERP. On virtual time (the fake commits 10 minutes late).
 */
class WatchAcrossNodesTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-12-07T08:00:00Z"));
  private final FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();
  private final String prefix = Postgres.freshPrefix();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    server.close();
  }

  /** The terminal with its API key, as the ERP's own terminal directory gives it to every node. */
  private Terminal paired;

  private PosClient node(String id, ScheduledExecutorService scheduler, List<Discrepancy> told) {
    HikariDataSource pool = Postgres.pool(id);
    JdbcStore store =
        JdbcStore.builder(pool)
            .tablePrefix(prefix)
            .nodeId(id)
            .clock(clock)
            .applySchema(true)
            .build();
    PosProvider mellon =
        MellonProvider.create(
            server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(), clock);
    open.add(pool);
    open.add(store);
    open.add(mellon);
    PosClient client =
        PosClient.builder()
            .provider(mellon)
            .journal(store.journal())
            .terminalLease(store.lease())
            .signer(new TestSigner(clock))
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .serverWait(Duration.ZERO)
            .onDiscrepancy(told::add)
            .terminalDirectory((provider, callId) -> java.util.Optional.ofNullable(paired))
            .build();
    open.add(client);
    return client;
  }

  @Test
  void anotherNodesWatchFindsTheLateCommitOfANodeThatWentDown() throws Exception {
    VirtualTimeScheduler firstNodeSteps = VirtualTimeScheduler.stepped(clock);
    List<Discrepancy> firstTold = new CopyOnWriteArrayList<>();
    PosClient first = node("node-a", firstNodeSteps, firstTold);
    String tid = FakeTerminals.tidOf(TerminalProfile.APPROVE);
    Terminal t =
        first.terminals(first.pair(FakeTerminals.REDEEM_CODE)).stream()
            .filter(x -> x.tid().equals(tid))
            .findFirst()
            .orElseThrow();
    paired = t;
    server.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofMinutes(10));
    CompletableFuture<PaymentIntent> paying =
        first.payAsync(
            PaymentRequest.builder()
                .terminal(t)
                .amount(Money.euroCents(4100))
                .reference("DOC-N1")
                .build());
    firstNodeSteps.runUntil(() -> true, paying::isDone);
    Throwable notFound = catchThrowable(paying::join);
    // node A goes down: its armed watch never runs
    first.close();

    List<Discrepancy> told = new CopyOnWriteArrayList<>();
    PosClient second = node("node-b", new VirtualTimeScheduler(clock), told);

    assertThat(notFound).hasCauseInstanceOf(ConnectionException.class);
    assertThat(firstTold).isEmpty();
    // told at each look until the ERP pays the reference again (which adopts it)
    assertThat(told)
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.kind()).isEqualTo(Discrepancy.Kind.SENT_BUT_JOURNALED_NOT_SENT);
              assertThat(d.providerReference()).isEqualTo("DOC-N1-A1");
            });
    JournalEntry shared = journalOf("DOC-N1-A1");
    assertThat(second.provider().id()).isEqualTo("mellon");
    assertThat(shared.phase()).isEqualTo(JournalPhase.NOT_FOUND);
    assertThat(shared.resultCode()).contains(IntentResult.APPROVED.code());
    assertThat(shared.isWatched()).isTrue();
  }

  private JournalEntry journalOf(String providerReference) {
    HikariDataSource pool = Postgres.pool("reader");
    open.add(pool);
    JdbcStore reader = JdbcStore.builder(pool).tablePrefix(prefix).nodeId("reader").build();
    open.add(reader);
    return reader.journal().latest(providerReference).orElseThrow();
  }
}
