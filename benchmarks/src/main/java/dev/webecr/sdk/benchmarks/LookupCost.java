package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * What the lookup before a reference's first attempt costs: {@code pay()} with and without it
 * ({@code PosClientBuilder.lookupBeforeFirstAttempt}), interleaved payment by payment against the
 * embedded fake on loopback (dialogues of 3 ms, the default server-side wait, in-memory journals,
 * no listing lag so nothing but the read differs). Prints the medians and p90s and their
 * difference.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.LookupCost 300
 * }</pre>
 *
 * <p>Both sides pay on one terminal, so both also pay the card-data join, which grows with the
 * terminal's day: the absolute times rise over a long run, the difference is what is measured.
 */
public final class LookupCost {
  private LookupCost() {}

  /** Runs it; the argument is the number of payments each way (default 300). */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Clock clock = Clock.systemUTC();
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      server.fake().behaviour().dialogueTime(Duration.ofMillis(3)).listingLag(Duration.ZERO);
      PosProvider mellon = MellonProvider.create(server.mellonConfig().build(), clock);
      try (PosClient asking = client(mellon, clock, true);
          PosClient notAsking = client(mellon, clock, false)) {
        Terminal till =
            asking.terminals(asking.pair(FakeTerminals.REDEEM_CODE)).stream()
                .filter(t -> t.tid().equals(FakeTerminals.tidOf(TerminalProfile.APPROVE)))
                .findFirst()
                .orElseThrow();
        notAsking.terminals(notAsking.pair(FakeTerminals.REDEEM_CODE));
        for (int i = 0; i < 100; i++) { // warm up both
          pay(asking, till, "WA-" + i);
          pay(notAsking, till, "WB-" + i);
        }
        long[] with = new long[n];
        long[] without = new long[n];
        for (int i = 0; i < n; i++) { // interleaved, order alternating
          if (i % 2 == 0) {
            with[i] = pay(asking, till, "A-" + i);
            without[i] = pay(notAsking, till, "B-" + i);
          } else {
            without[i] = pay(notAsking, till, "B-" + i);
            with[i] = pay(asking, till, "A-" + i);
          }
        }
        Arrays.sort(with);
        Arrays.sort(without);
        System.out.printf(
            "pay() with the lookup: median %.2f ms, p90 %.2f ms; without: median %.2f ms, p90 %.2f"
                + " ms; the lookup adds %.2f ms at the median (%d payments each)%n",
            with[n / 2] / 1e6,
            with[n * 9 / 10] / 1e6,
            without[n / 2] / 1e6,
            without[n * 9 / 10] / 1e6,
            (with[n / 2] - without[n / 2]) / 1e6,
            n);
      }
      mellon.close();
    }
  }

  private static PosClient client(PosProvider provider, Clock clock, boolean lookup) {
    return PosClient.builder()
        .provider(provider)
        .journal(Journals.inMemory())
        .signer(new TestSigner(clock))
        .lookupBeforeFirstAttempt(lookup)
        .build();
  }

  private static long pay(PosClient client, Terminal till, String reference) {
    long start = System.nanoTime();
    Tills.pay(client, till, reference);
    return System.nanoTime() - start;
  }
}
