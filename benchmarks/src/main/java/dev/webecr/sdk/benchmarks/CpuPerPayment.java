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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Where the CPU of a payment goes once the JVM is warm: bursts of 20 concurrent payments on 2,000
 * fake terminals (20 to 30 ms dialogues, file journal, server-side wait), the first N bursts
 * unmeasured, then the CPU time of each group of threads over M bursts, per payment: the SDK's call
 * threads, OkHttp's and Okio's, the fake's HTTP threads and its dispatcher. On two cores a burst's
 * latency is mostly this CPU queued.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.CpuPerPayment 800 300
 * }</pre>
 */
public final class CpuPerPayment {
  private static final int BURST = 20;
  private static final int TILLS = 2_000;

  /** The first till's TID: theirs start with 5. */
  private static final int FIRST_TID = 50_000_000;

  private CpuPerPayment() {}

  /** Runs it; the arguments are the bursts to warm with (default 800) and to measure (300). */
  public static void main(String[] args) throws Exception {
    int warm = args.length > 0 ? Integer.parseInt(args[0]) : 800;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    Clock clock = Clock.systemUTC();
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      Tills.kindFake(server);
      for (FakeTerminal till : Tills.add(server, FIRST_TID, 600_000, TILLS, "Till")) {
        till.dialogueTime(Duration.ofMillis(20), Duration.ofMillis(30));
      }
      PosProvider mellon = MellonProvider.create(server.mellonConfig().build(), clock);
      try (PosClient client =
          Tills.client(mellon, clock, Files.createTempDirectory("webecr-cpu").resolve("j"))
              .build()) {
        List<Terminal> tills = Tills.paired(client, FIRST_TID);
        Map<String, Long> before = null;
        long processBefore = 0;
        long start = 0;
        for (int w = 0; w < warm + measured; w++) {
          if (w == warm) {
            before = cpuByGroup();
            processBefore = processCpuNanos();
            start = System.nanoTime();
          }
          List<CompletableFuture<PaymentIntent>> burst = new ArrayList<>();
          for (int i = 0; i < BURST; i++) {
            burst.add(
                client.payAsync(
                    PaymentRequest.builder()
                        .terminal(tills.get((w * BURST + i) % TILLS))
                        .amount(Money.euroCents(1000 + i))
                        .reference("B" + w + "-" + i)
                        .build()));
          }
          burst.forEach(CompletableFuture::join);
        }
        int payments = measured * BURST;
        System.out.printf(
            "%d payments in bursts of %d: wall %.2f s; process CPU per payment %.0f µs, of which:%n",
            payments,
            BURST,
            (System.nanoTime() - start) / 1e9,
            (processCpuNanos() - processBefore) / 1e3 / payments);
        for (Map.Entry<String, Long> e : cpuByGroup().entrySet()) {
          long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
          if (used > 1_000_000) {
            System.out.printf("  %-20s %5.0f µs%n", e.getKey(), used / 1e3 / payments);
          }
        }
      } finally {
        mellon.close();
      }
    }
  }

  /** CPU time of the live threads, summed by name without its number. */
  private static Map<String, Long> cpuByGroup() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> groups = new TreeMap<>();
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long cpu = threads.getThreadCpuTime(id);
      if (info != null && cpu > 0) {
        groups.merge(info.getThreadName().replaceAll("[-#]?[0-9]+$", ""), cpu, Long::sum);
      }
    }
    return groups;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
