package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonConfig;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The process {@link KilledWriterTest} kills: a client with the default settings and a file journal
 * paying {@code rounds} payments on each of the fake's terminals whose TID starts with 3, one after
 * another per terminal, every terminal at once. Arguments: the fake's base URL, the journal file,
 * rounds.
 */
public final class PayingProcess {
  /** The TIDs of the terminals it pays on start with this. */
  static final String TID_PREFIX = "3";

  /**
   * Shorter than the defaults (60 s wait, 30 s call timeout), which decide how long recovery waits
   * before calling a create that never arrived "not sent" (call timeout + 5 s + wait): the same
   * rule, in seconds a test can afford.
   */
  static final Duration SERVER_WAIT = Duration.ofSeconds(1);

  private PayingProcess() {}

  /** The call timeout both processes use (see {@link #SERVER_WAIT}). */
  static MellonConfig.Builder config(MellonConfig.Builder b) {
    return b.callTimeout(Duration.ofSeconds(2));
  }

  /** References paid on the terminal with this TID, in order. */
  static List<String> references(String tid, int rounds) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      out.add("KILL-" + tid + "-" + r);
    }
    return out;
  }

  /** The amount of a reference's payment (the same in both processes; one the fake approves). */
  static Money amount(String reference) {
    return Money.euroCents(1000 + Math.floorMod(reference.hashCode(), 90));
  }

  /** Runs the payments; see the class comment for the arguments. */
  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    PosProvider mellon =
        MellonProvider.create(
            config(
                    MellonConfig.builder()
                        .baseUrl(args[0])
                        .allowInsecureHttp(true)
                        .username(FakeWebEcr.USERNAME)
                        .password(FakeWebEcr.PASSWORD))
                .build(),
            clock);
    int rounds = Integer.parseInt(args[2]);
    try (PosClient client =
        PosClient.builder()
            .provider(mellon)
            .journalFile(Path.of(args[1]))
            .serverWait(SERVER_WAIT)
            .signer(new TestSigner(clock))
            .build()) {
      List<CompletableFuture<PaymentIntent>> lanes = new ArrayList<>();
      for (Terminal t : client.terminals(client.pair(FakeTerminals.REDEEM_CODE))) {
        if (t.tid().startsWith(TID_PREFIX)) {
          CompletableFuture<PaymentIntent> lane = CompletableFuture.completedFuture(null);
          for (String reference : references(t.tid(), rounds)) {
            lane =
                lane.thenCompose(
                    previous ->
                        client.payAsync(
                            PaymentRequest.builder()
                                .terminal(t)
                                .amount(amount(reference))
                                .reference(reference)
                                .build()));
          }
          lanes.add(lane);
        }
      }
      CompletableFuture.allOf(lanes.toArray(new CompletableFuture<?>[0])).join();
    }
    mellon.close();
  }
}
