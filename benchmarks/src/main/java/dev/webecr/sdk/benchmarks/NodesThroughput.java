package dev.webecr.sdk.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosClientBuilder;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.jdbc.JdbcStore;
import dev.webecr.sdk.jdbc.RoundTrips;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Payments per second through the PostgreSQL journal and leases, against the embedded fake with
 * short dialogues, on an embedded PostgreSQL: one node on 20 terminals against the terminal-bound
 * limit (20 terminals / 20 ms dialogues = 1,000 per second) and against the same node on the
 * in-memory journal (the ceiling without a database on this machine); then two nodes on twice the
 * terminals, each terminal paid by both nodes in turn (each payment takes the lease, and a node
 * waits while the other holds a terminal). Prints database round trips per payment.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.NodesThroughput 2000
 * }</pre>
 */
public final class NodesThroughput {
  private static final int TERMINALS = 20;
  private static final Duration DIALOGUE = Duration.ofMillis(20);

  private NodesThroughput() {}

  /** Argument: payments per node and run (default 1,000). */
  public static void main(String[] args) throws Exception {
    int payments = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Clock clock = Clock.systemUTC();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
        FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      server.fake().behaviour().dialogueTime(DIALOGUE);
      for (int i = 0; i < 2 * TERMINALS; i++) {
        server
            .fake()
            .addTerminal(
                String.valueOf(70_000_000 + i),
                String.valueOf(800_000 + i),
                "Bench till " + i,
                TerminalProfile.APPROVE);
      }
      run("warm-up, one node", postgres, server, 1, payments / 2, false);
      double memory = run("one node, in-memory journal", postgres, server, 1, payments, true);
      double one = run("one node", postgres, server, 1, payments, false);
      double two = run("two nodes", postgres, server, 2, 2 * payments, false);
      double limit = TERMINALS * 1000.0 / DIALOGUE.toMillis();
      System.out.printf(
          "one node: %.0f%% of the terminal-bound limit (%.0f/s), %.2fx the in-memory journal;"
              + " two nodes on twice the terminals / one node: %.2fx%n",
          100 * one / limit, limit, one / memory, two / one);
    }
  }

  private static double run(
      String what,
      EmbeddedPostgres postgres,
      FakeWebEcrServer server,
      int nodes,
      int payments,
      boolean memory)
      throws Exception {
    List<AutoCloseable> open = new ArrayList<>();
    List<PosClient> clients = new ArrayList<>();
    List<List<Terminal>> tills = new ArrayList<>();
    RoundTrips trips = new RoundTrips();
    String prefix = "b" + System.nanoTime() % 1_000_000 + "_";
    for (int n = 0; n < nodes; n++) {
      HikariConfig c = new HikariConfig();
      c.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      c.setUsername("postgres");
      HikariDataSource pool = new HikariDataSource(c);
      JdbcStore store =
          JdbcStore.builder(trips.around(pool))
              .tablePrefix(prefix)
              .nodeId("node-" + n)
              .applySchema(true)
              .build();
      PosProvider mellon = MellonProvider.create(server.mellonConfig().build(), Clock.systemUTC());
      PosClientBuilder builder =
          PosClient.builder()
              .provider(mellon)
              .terminalWait(Duration.ofMinutes(5))
              .signer(new TestSigner(Clock.systemUTC()));
      PosClient client =
          memory
              ? builder.journal(Journals.inMemory()).build()
              : builder.journal(store.journal()).terminalLease(store.lease()).build();
      List<Terminal> mine = new ArrayList<>();
      for (Terminal t : client.terminals(client.pair(FakeTerminals.REDEEM_CODE))) {
        if (t.tid().startsWith("7") && mine.size() < nodes * TERMINALS) {
          mine.add(t);
        }
      }
      open.add(pool);
      open.add(store);
      open.add(mellon);
      open.add(client);
      clients.add(client);
      tills.add(mine);
    }
    int terminals = nodes * TERMINALS;
    long tripsBefore = trips.count();
    long start = System.nanoTime();
    List<CompletableFuture<PaymentIntent>> runs = new ArrayList<>();
    for (int i = 0; i < payments; i++) {
      int node = (i / terminals) % nodes; // each terminal gets every node in turn
      runs.add(
          clients
              .get(node)
              .payAsync(
                  PaymentRequest.builder()
                      .terminal(tills.get(node).get(i % terminals))
                      .amount(Money.euroCents(1000 + i % 90))
                      .reference(prefix + "P-" + i)
                      .build()));
    }
    int approved = 0;
    for (CompletableFuture<PaymentIntent> r : runs) {
      approved += r.join().isApproved() ? 1 : 0;
    }
    double rate = payments / ((System.nanoTime() - start) / 1e9);
    double perPayment = (trips.count() - tripsBefore) / (double) payments;
    System.out.printf(
        "%s, %d terminals: %d payments, %d approved, %.1f payments/s, %.1f database"
            + " round trips per payment, overlapping dialogues at the fake so far: %d%n",
        what,
        terminals,
        payments,
        approved,
        rate,
        perPayment,
        server.fake().overlappingDialogues());
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    return rate;
  }
}
