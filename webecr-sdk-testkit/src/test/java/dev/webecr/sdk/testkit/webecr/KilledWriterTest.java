package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The writer of a file journal is killed (SIGKILL, a real process) while it pays, at a chosen
 * number of journal lines; a second client opens the same journal, recovers and pays every
 * reference again, as an ERP does after a restart. Each reference must end charged exactly once.
 * With "power cut" the journal is also cut after its last attempt-about-to-be-sent line: everything
 * the file journal does not force may be lost, and nothing may be charged twice for it.
 */
@Execution(ExecutionMode.CONCURRENT) // each case has its own fake, journal and process
class KilledWriterTest {
  private static final int TERMINALS = 12;
  private static final int ROUNDS = 2;
  @TempDir Path dir;

  @ParameterizedTest(name = "killed at {0} journal lines, power cut {1}")
  @CsvSource({"1,false", "17,true", "31,false"})
  void everyReferenceIsChargedOnceAfterTheWriterIsKilled(int lines, boolean powerCut)
      throws Exception {
    Path journal = dir.resolve("webecr.journal");
    Clock clock = Clock.systemUTC();
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      Map<String, List<String>> referencesByTid = new HashMap<>();
      for (int i = 0; i < TERMINALS; i++) {
        String tid = PayingProcess.TID_PREFIX + (3_000_000 + i);
        server
            .fake()
            .addTerminal(
                tid, String.valueOf(700_000 + i), "Killed till " + i, TerminalProfile.APPROVE);
        referencesByTid.put(tid, PayingProcess.references(tid, ROUNDS));
      }

      killWhenTheJournalHas(lines, server.baseUrl(), journal);
      if (powerCut) {
        cutAfterTheLastForcedKindOfLine(journal);
      }

      PosProvider mellon =
          MellonProvider.create(PayingProcess.config(server.mellonConfig()).build(), clock);
      try (PosClient client =
          PosClient.builder()
              .provider(mellon)
              .journalFile(journal)
              .serverWait(PayingProcess.SERVER_WAIT)
              .signer(new TestSigner(clock))
              .build()) {
        List<Terminal> terminals = client.terminals(client.pair(FakeTerminals.REDEEM_CODE));
        RecoveryReport report = client.recover();
        assertThat(report.inDoubt()).isEmpty();
        assertThat(report.needsAttention()).isEmpty();

        List<CompletableFuture<PaymentIntent>> lanes = new ArrayList<>();
        for (Terminal t : terminals) {
          CompletableFuture<PaymentIntent> lane = CompletableFuture.completedFuture(null);
          for (String reference : referencesByTid.getOrDefault(t.tid(), List.of())) {
            lane =
                lane.thenCompose(
                        previous ->
                            client.payAsync(
                                PaymentRequest.builder()
                                    .terminal(t)
                                    .amount(PayingProcess.amount(reference))
                                    .reference(reference)
                                    .build()))
                    .thenApply(
                        paid -> {
                          assertThat(paid.isApproved()).as(reference).isTrue();
                          return paid;
                        });
          }
          lanes.add(lane);
        }
        CompletableFuture.allOf(lanes.toArray(new CompletableFuture<?>[0]))
            .get(2, TimeUnit.MINUTES);
      } finally {
        mellon.close();
      }

      Map<String, Integer> charges = new HashMap<>(); // by ERP reference, over its attempts
      server
          .fake()
          .approvalsByReference()
          .forEach(
              (providerReference, n) ->
                  charges.merge(
                      providerReference.substring(0, providerReference.lastIndexOf("-A")),
                      n,
                      Integer::sum));
      for (List<String> references : referencesByTid.values()) {
        for (String reference : references) {
          assertThat(charges.get(reference)).as(reference).isEqualTo(1);
        }
      }
    }
  }

  /** Starts {@link PayingProcess} and kills it once the journal has {@code lines} lines. */
  private void killWhenTheJournalHas(int lines, String baseUrl, Path journal) throws Exception {
    Path output = dir.resolve("paying-process.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                PayingProcess.class.getName(),
                baseUrl,
                journal.toString(),
                String.valueOf(ROUNDS))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (linesIn(journal) < lines) {
        assertThat(child.isAlive())
            .as("the paying process ended before it was killed: " + Files.readString(output))
            .isTrue();
        assertThat(System.nanoTime()).as("journal lines never reached").isLessThan(deadline);
        Thread.sleep(1); // waiting for the file to grow, not for an outcome
      }
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no force
      child.waitFor(1, TimeUnit.MINUTES);
    }
  }

  private static int linesIn(Path journal) throws IOException {
    if (!Files.exists(journal)) {
      return 0;
    }
    int n = 0;
    for (byte b : Files.readAllBytes(journal)) {
      n += b == '\n' ? 1 : 0;
    }
    return n;
  }

  /**
   * Keeps the file up to its last line for an attempt about to be sent (the only kind forced before
   * the payment goes on): what a power cut leaves at least.
   */
  private static void cutAfterTheLastForcedKindOfLine(Path journal) throws IOException {
    String text = Files.readString(journal, StandardCharsets.UTF_8);
    int at = text.lastIndexOf("|PREPARED|");
    String kept = at < 0 ? "" : text.substring(0, text.indexOf('\n', at) + 1);
    Files.writeString(journal, kept, StandardCharsets.UTF_8);
  }
}
