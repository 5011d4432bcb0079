package dev.webecr.sdk.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.jdbc.JdbcStore;
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
 * Payments per second through the PostgreSQL journal and leases: one node, then two nodes on the
 * same terminals (each payment pays for the lease too, and a node waits while the other holds a
 * terminal), against the embedded fake with short dialogues, on an embedded PostgreSQL.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.NodesThroughput 400
 * }</pre>
 */
public final class NodesThroughput {
  private static final int TERMINALS = 20;
  private static final Duration DIALOGUE = Duration.ofMillis(20);

  private NodesThroughput() {}

  /** Argument: payments per run (default 400). */
  public static void main(String[] args) throws Exception {
    int payments = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    Clock clock = Clock.systemUTC();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
        FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      server.fake().behaviour().dialogueTime(DIALOGUE);
      for (int i = 0; i < TERMINALS; i++) {
        server
            .fake()
            .addTerminal(
                String.valueOf(70_000_000 + i),
                String.valueOf(800_000 + i),
                "Bench till " + i,
                TerminalProfile.APPROVE);
      }
      run("warm-up, one node", postgres, server, 1, payments / 2);
      double one = run("one node", postgres, server, 1, payments);
      double two = run("two nodes", postgres, server, 2, payments);
      System.out.printf(
          "two nodes / one node: %.2fx (the same %d terminals, dialogues of %d ms;"
              + " the terminals are the bottleneck, the ratio is the price of sharing them)%n",
          two / one, TERMINALS, DIALOGUE.toMillis());
    }
  }

  private static double run(
      String what, EmbeddedPostgres postgres, FakeWebEcrServer server, int nodes, int payments)
      throws Exception {
    List<AutoCloseable> open = new ArrayList<>();
    List<PosClient> clients = new ArrayList<>();
    List<List<Terminal>> tills = new ArrayList<>();
    String prefix = "b" + System.nanoTime() % 1_000_000 + "_";
    for (int n = 0; n < nodes; n++) {
      HikariConfig c = new HikariConfig();
      c.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      c.setUsername("postgres");
      HikariDataSource pool = new HikariDataSource(c);
      JdbcStore store =
          JdbcStore.builder(pool).tablePrefix(prefix).nodeId("node-" + n).applySchema(true).build();
      PosProvider mellon = MellonProvider.create(server.mellonConfig().build(), Clock.systemUTC());
      PosClient client =
          PosClient.builder()
              .provider(mellon)
              .journal(store.journal())
              .terminalLease(store.lease())
              .terminalWait(Duration.ofMinutes(5))
              .signer(new TestSigner(Clock.systemUTC()))
              .build();
      List<Terminal> mine = new ArrayList<>();
      for (Terminal t : client.terminals(client.pair(FakeTerminals.REDEEM_CODE))) {
        if (t.tid().startsWith("7")) {
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
    long start = System.nanoTime();
    List<CompletableFuture<PaymentIntent>> runs = new ArrayList<>();
    for (int i = 0; i < payments; i++) {
      int node = (i / TERMINALS) % nodes; // each terminal gets every node in turn
      runs.add(
          clients
              .get(node)
              .payAsync(
                  PaymentRequest.builder()
                      .terminal(tills.get(node).get(i % TERMINALS))
                      .amount(Money.euroCents(1000 + i % 90))
                      .reference(prefix + "P-" + i)
                      .build()));
    }
    int approved = 0;
    for (CompletableFuture<PaymentIntent> r : runs) {
      approved += r.join().isApproved() ? 1 : 0;
    }
    double rate = payments / ((System.nanoTime() - start) / 1e9);
    System.out.printf(
        "%s: %d payments, %d approved, %.1f payments/s, overlapping dialogues at "
            + "the fake so far: %d%n",
        what, payments, approved, rate, server.fake().overlappingDialogues());
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    return rate;
  }
}
