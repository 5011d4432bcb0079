package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.webecr.FakeTerminal;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The warm-ups before {@link LoadHarness}'s measured rounds: the JIT's, then each client's. */
final class JitWarmUp {
  private JitWarmUp() {}

  /** Bursts of payments that warm the JIT before any measured round, by default. */
  private static final int WAVES = 250;

  /** The waves asked for: {@code -Dwarm.waves=N}, else {@link #WAVES}. */
  static int waves() {
    return Integer.getInteger("warm.waves", WAVES);
  }

  /** The first warm-up till's TID: theirs start with 3. */
  private static final int FIRST_TID = 30_000_000;

  /** The concurrent payments of one warm-up burst. */
  private static final int BURST = 20;

  /**
   * Warms the JIT as a server that has been taking payments would be: {@code waves} bursts of 20
   * concurrent payments on 20 tills of their own whose dialogues last 20 to 30 ms, with the
   * server-side wait (by polling, each burst would last a second: a polled round's own polling code
   * is warmed less). Until C2 has compiled the paths, which takes thousands of payments, the
   * interpreter and the compiler threads share the two cores with the payments and the times
   * measured are those of a JVM that has just started. The first burst is timed on its own and
   * printed as such.
   */
  static void run(FakeWebEcrServer server, Clock clock, int waves) throws Exception {
    if (waves <= 0) {
      return;
    }
    for (FakeTerminal till : Tills.add(server, FIRST_TID, 300_000, BURST, "Warm-up till")) {
      till.dialogueTime(Duration.ofMillis(20), Duration.ofMillis(30));
    }
    Path dir = Files.createTempDirectory("webecr-warm");
    CreateLatency creates = new CreateLatency();
    PosProvider mellon = MellonProvider.create(server.mellonConfig().build(), clock);
    var builder = Tills.client(mellon, clock, dir.resolve("journal")).observer(creates);
    long start = System.nanoTime();
    try (PosClient client = builder.build()) {
      List<Terminal> tills = Tills.paired(client, FIRST_TID);
      for (int w = 0; w < waves; w++) {
        burst(client, tills, BURST, "JIT" + w);
        if (w == 0) {
          System.out.printf(
              "first burst after start (%d concurrent, cold JVM), pay() until its create left: %s%n",
              BURST, creates.summary());
        }
      }
    } finally {
      mellon.close();
    }
    creates.summary(); // forget the warm-up's
    System.out.printf(
        "JIT warm-up: %d payments in %.1f s (-Dwarm.waves=%d)%n",
        waves * BURST, (System.nanoTime() - start) / 1e9, waves);
  }

  /** An unmeasured round first, so the connection pool is warm. */
  static void burst(PosClient client, List<Terminal> terminals, int count, String round) {
    List<CompletableFuture<PaymentIntent>> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      runs.add(
          client.payAsync(
              PaymentRequest.builder()
                  .terminal(terminals.get(i))
                  .amount(Money.euroCents(500))
                  .reference(round + "-WARM-" + i)
                  .build()));
    }
    runs.forEach(CompletableFuture::join);
  }
}
