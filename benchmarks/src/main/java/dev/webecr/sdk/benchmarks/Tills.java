package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosClientBuilder;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.webecr.FakeTerminal;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The approving fake terminals a benchmark adds for itself, numbered from a first TID that no other
 * set shares the first digit of, and a client's view of them after pairing.
 */
final class Tills {
  private Tills() {}

  /**
   * Sets the fake's kind variant a speed benchmark measures against: intents read by their own
   * route and lists without lag. The SDK's speed is measured, not the worst-case fake's 5 s listing
   * lag, which polled and looked-up payments would wait out (the real API's lag is unknown; the
   * tests keep the worst case).
   */
  static void kindFake(FakeWebEcrServer server) {
    server.fake().behaviour().singleIntentRoute(true).listingLag(Duration.ZERO);
  }

  /** Adds {@code count} approving terminals: TIDs from {@code firstTid}, call ids likewise. */
  static List<FakeTerminal> add(
      FakeWebEcrServer server, int firstTid, int firstCallId, int count, String label) {
    List<FakeTerminal> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      added.add(
          server
              .fake()
              .addTerminal(
                  String.valueOf(firstTid + i),
                  String.valueOf(firstCallId + i),
                  label + " " + i,
                  TerminalProfile.APPROVE));
    }
    return added;
  }

  /** The terminals {@code client} pairs with whose TID starts as {@code firstTid}'s, in order. */
  static List<Terminal> paired(PosClient client, int firstTid) {
    String digit = String.valueOf(firstTid).substring(0, 1);
    List<Terminal> tills = new ArrayList<>();
    for (Terminal t : client.terminals(client.pair(FakeTerminals.REDEEM_CODE))) {
      if (t.tid().startsWith(digit)) {
        tills.add(t);
      }
    }
    tills.sort(Comparator.comparing(Terminal::tid));
    return tills;
  }

  /**
   * A client paying through {@code provider} with the test signer, on a file journal at {@code
   * journal} (null: in memory), otherwise with the defaults.
   */
  static PosClientBuilder client(PosProvider provider, Clock clock, Path journal) {
    PosClientBuilder builder = PosClient.builder().provider(provider).signer(new TestSigner(clock));
    return journal == null ? builder.journal(Journals.inMemory()) : builder.journalFile(journal);
  }

  /** Pays 10 EUR on {@code till} under {@code reference}, waiting for the outcome. */
  static void pay(PosClient client, Terminal till, String reference) {
    client.pay(
        PaymentRequest.builder()
            .terminal(till)
            .amount(Money.euroCents(1000))
            .reference(reference)
            .build());
  }
}
