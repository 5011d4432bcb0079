package dev.webecr.sdk.samples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.jdbc.JdbcStore;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Two application servers in front of one terminal, sharing a PostgreSQL (started embedded from
 * Maven Central's binaries) and the fake WebECR: node A starts a payment and crashes while the
 * customer holds the card; node B leaves it alone while A's lease lives, then recovers it and the
 * payment ends approved, charged once.
 *
 * <pre>{@code
 * mvn -q -pl samples exec:java -Dexec.mainClass=dev.webecr.sdk.samples.TwoNodesDemo
 * }</pre>
 */
public final class TwoNodesDemo {
  private static final Duration LEASE = Duration.ofSeconds(3);
  private final PrintStream out;

  TwoNodesDemo(PrintStream out) {
    this.out = out;
  }

  /** Runs the demo on standard output. */
  public static void main(String[] args) throws Exception {
    new TwoNodesDemo(System.out).run();
  }

  void run() throws Exception {
    Clock clock = Clock.systemUTC();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
        FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      server.fake().behaviour().dialogueTime(Duration.ofSeconds(1));
      server.fake().addTerminal("60000001", "700001", "Shop till", TerminalProfile.APPROVE);
      out.println("PostgreSQL on " + postgres.getJdbcUrl("postgres", "postgres"));
      out.println("Fake WebECR on " + server.baseUrl());

      HikariDataSource poolA = pool(postgres, "node-a");
      JdbcStore storeA = store(poolA, "node-a");
      PosProvider mellonA = MellonProvider.create(server.mellonConfig().build(), clock);
      PosClient nodeA = client(mellonA, storeA, clock);
      Terminal tillA = till(nodeA);
      CompletableFuture<PaymentIntent> started =
          nodeA.payAsync(
              PaymentRequest.builder()
                  .terminal(tillA)
                  .amount(Money.euroCents(2480))
                  .reference("INV-2026-001")
                  .build());
      while (server.fake().creates() == 0) {
        Thread.sleep(5);
      }
      out.println(
          "node A: INV-2026-001 sent to terminal "
              + tillA.tid()
              + "; the customer holds the card... and node A crashes");
      storeA.close(); // no more lease renewals
      poolA.close(); // no more journal writes
      started.handle((p, e) -> null);

      try (HikariDataSource poolB = pool(postgres, "node-b");
          JdbcStore storeB = store(poolB, "node-b");
          PosProvider mellonB = MellonProvider.create(server.mellonConfig().build(), clock);
          PosClient nodeB = client(mellonB, storeB, clock)) {
        till(nodeB);
        RecoveryReport early = nodeB.recover();
        out.println(
            "node B: recover() at once: in doubt "
                + early.inDoubt()
                + " (node A's lease still runs: B does not touch it)");
        Thread.sleep(LEASE.toMillis() + 500);
        RecoveryReport late = nodeB.recover();
        for (PaymentIntent p : late.settled()) {
          out.println(
              "node B: recover() after the lease expired: "
                  + p.providerReference()
                  + " "
                  + p.result().orElse(null)
                  + " "
                  + p.amount());
        }
        PaymentIntent again =
            nodeB.pay(
                PaymentRequest.builder()
                    .terminal(till(nodeB))
                    .amount(Money.euroCents(2480))
                    .reference("INV-2026-001")
                    .build());
        out.println(
            "node B: the ERP pays INV-2026-001 again: "
                + again.result().orElse(null)
                + ", the same intent "
                + again.id()
                + "; creates at WebECR: "
                + server.fake().creates()
                + ", charges: "
                + server.fake().approvalsByReference());
      } finally {
        mellonA.close();
      }
    }
  }

  private static HikariDataSource pool(EmbeddedPostgres postgres, String name) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    c.setUsername("postgres");
    c.setPoolName(name);
    c.setMaximumPoolSize(4);
    return new HikariDataSource(c);
  }

  private static JdbcStore store(HikariDataSource pool, String node) {
    return JdbcStore.builder(pool).nodeId(node).leaseDuration(LEASE).applySchema(true).build();
  }

  private static PosClient client(PosProvider mellon, JdbcStore store, Clock clock) {
    return PosClient.builder()
        .provider(mellon)
        .journal(store.journal())
        .terminalLease(store.lease())
        .signer(new TestSigner(clock))
        .build();
  }

  private static Terminal till(PosClient client) {
    return client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).stream()
        .filter(t -> t.tid().equals("60000001"))
        .findFirst()
        .orElseThrow();
  }
}
