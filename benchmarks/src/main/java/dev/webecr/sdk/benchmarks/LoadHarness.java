package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PaymentObserver;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.webecr.Endpoint;
import dev.webecr.sdk.testkit.webecr.FakeTerminal;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N concurrent payments on N fake terminals, through {@code PosClient} with its default settings
 * (file journal, default executor, server-side wait) and the Mellon provider against the embedded
 * fake on the real clock. Prints the threads the run added at its peak, the heap after GC, the wall
 * time, how long after its terminal finished each payment returned (median, p95; with the
 * server-side wait split at the create's answer into the server's part and the SDK's), the reads
 * per payment (the lookup before a first attempt, polls) and all its requests. Before any measured
 * round, {@link JitWarmUp} runs 5,000 payments of 20-ms dialogues so that what is measured is a JVM
 * that has been taking payments ({@code -Dwarm.waves=0}: none); it prints its first burst, timed in
 * a JVM that has just started.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.LoadHarness 1000 wait
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.LoadHarness 1000 poll
 * }</pre>
 *
 * <p>Arguments: the number of payments (default 1000), {@code wait} (the defaults: server-side
 * wait) or {@code poll} (server-side wait off), and {@code observed}: then six rounds, without and
 * with meters and traces attached ({@link Observed}) in turn, and the ratio of the process's CPU
 * time between them after the first pair (the wall time is the terminals' 3 s dialogues, the same
 * either way); {@code random}: each dialogue lasts 2 to 4 s, drawn per payment, so that outcomes
 * fall at random moments between polls.
 */
public final class LoadHarness {
  /** The first load till's TID: theirs start with 2. */
  private static final int FIRST_TID = 20_000_000;

  private LoadHarness() {}

  /** Runs the harness; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    boolean wait = args.length < 2 || !args[1].equals("poll");
    boolean compare = args.length > 2 && args[2].equals("observed");
    timeCreates = !compare;
    // "pool16": the ERP's own executor of 16 threads, against the default one in the same run
    boolean pool = args.length > 2 && args[2].startsWith("pool");
    // "random": each dialogue 2 to 4 s, drawn per payment, so no poll is in step with an outcome
    boolean random = args.length > 2 && args[2].equals("random");
    Clock clock = Clock.systemUTC();
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      Tills.kindFake(server);
      for (FakeTerminal added : Tills.add(server, FIRST_TID, 400_000, n, "Load till")) {
        if (random) {
          added.dialogueTime(Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
      }
      JitWarmUp.run(server, clock, JitWarmUp.waves());
      if (pool) {
        int threads = Integer.parseInt(args[2].substring(4));
        round(server, clock, n, wait, "W", null); // warm-up
        double[] wall = new double[2];
        for (int r = 0; r < 2; r++) {
          ExecutorService given = Executors.newFixedThreadPool(threads);
          try {
            round(server, clock, n, wait, "D" + r, null);
            wall[0] += lastWall;
            round(server, clock, n, wait, "P" + r, given);
            wall[1] += lastWall;
          } finally {
            given.shutdownNow();
          }
        }
        System.out.printf(
            "wall, %d-thread executor / default executor: %.1f s / %.1f s = %.2f×%n",
            threads, wall[1], wall[0], wall[1] / wall[0]);
        return;
      }
      if (!compare) {
        round(server, clock, n, wait, "R", null);
        return;
      }
      // unobserved and observed rounds alternate, so both see the same machine; the first pair
      // warms the JIT and the connections and is left out of the ratio
      double[] cpu = new double[2];
      for (int r = 0; r < 6; r++) {
        boolean observed = r % 2 == 1;
        try (Observed o = new Observed()) {
          double used =
              round(server, clock, n, wait, "R" + r, null, observed ? o.observers() : NONE);
          if (r >= 2) {
            cpu[observed ? 1 : 0] += used;
          }
          if (observed) {
            System.out.printf(
                "  (observed: %d spans exported, %d meters)%n",
                o.exported.get(), o.registry.getMeters().size());
          }
        }
      }
      System.out.printf(
          "CPU seconds of the process, rounds 3 to 6: unobserved %.2f, observed %.2f:"
              + " observed / unobserved %.3f×%n",
          cpu[0], cpu[1], cpu[1] / cpu[0]);
    }
  }

  private static final PaymentObserver[] NONE = {};

  /** Whether rounds time each create (an observer: off where observers' cost is measured). */
  private static boolean timeCreates = true;

  /** The wall time of the last round, seconds. */
  private static double lastWall;

  /** One round of {@code n} payments; prints its line and returns the process's CPU seconds. */
  private static double round(
      FakeWebEcrServer server,
      Clock clock,
      int n,
      boolean wait,
      String round,
      ExecutorService executor,
      PaymentObserver... observers)
      throws Exception {
    Path dir = Files.createTempDirectory("webecr-load");
    CreateLatency creates = new CreateLatency();
    ThreadSampler sampler = new ThreadSampler();
    long heapBefore = usedHeapAfterGc();
    PosProvider mellon = MellonProvider.create(server.mellonConfig().build(), clock);
    var builder =
        Tills.client(mellon, clock, dir.resolve("journal"))
            .observer(timeCreates ? withCreates(observers, creates) : observers);
    if (!wait) {
      builder.serverWait(Duration.ZERO);
    }
    if (executor != null) {
      builder.executor(executor);
    }
    try (PosClient client = builder.build()) {
      List<Terminal> load = Tills.paired(client, FIRST_TID);
      JitWarmUp.burst(client, load, Math.min(n, 50), round);
      creates.summary(); // forget the warm-up's
      long pollsBefore =
          server.requestCount(Endpoint.INTENT) + server.requestCount(Endpoint.INTENTS);
      long requestsBefore = server.requestCount();
      long readsBefore = server.requestCount(Endpoint.INTENT); // an intent read by its id: polls
      Lateness late = new Lateness();
      Map<String, Instant> returned = new ConcurrentHashMap<>();
      AtomicLong inFlightMillis = new AtomicLong(); // pay() to its outcome, summed
      List<CompletableFuture<PaymentIntent>> runs = new ArrayList<>();
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        String reference = round + "-LOAD-" + i;
        Instant paid = clock.instant();
        runs.add(
            client
                .payAsync(
                    PaymentRequest.builder()
                        .terminal(load.get(i))
                        .amount(Money.euroCents(1000 + i % 90))
                        .reference(reference)
                        .build())
                .whenComplete(
                    (p, e) -> {
                      Instant back = clock.instant();
                      inFlightMillis.addAndGet(Duration.between(paid, back).toMillis());
                      returned.put(reference, back); // the fake is asked after the round: its
                      // lock is not taken on the SDK's threads while other payments need it
                    }));
      }
      int approved = 0;
      for (CompletableFuture<PaymentIntent> run : runs) {
        approved += run.join().isApproved() ? 1 : 0;
      }
      returned.forEach(
          (reference, back) ->
              server
                  .fake()
                  .completedAt(reference + "-A1")
                  .ifPresent(done -> late.add(done, creates.answered(reference), back)));
      double wall = (System.nanoTime() - start) / 1e9;
      lastWall = wall;
      double cpu = (processCpuNanos() - cpuBefore) / 1e9;
      long polls =
          server.requestCount(Endpoint.INTENT)
              + server.requestCount(Endpoint.INTENTS)
              - pollsBefore;
      long requests = server.requestCount() - requestsBefore;
      long intentReads = server.requestCount(Endpoint.INTENT) - readsBefore;
      sampler.stop();
      long heap = usedHeapAfterGc() - heapBefore;
      System.out.printf(
          "%d payments, %s%s%s: approved %d, SDK threads at peak %d %s, heap after GC "
              + "+%d MB, wall %.1f s, CPU %.2f s, returned after the terminal finished: %s,"
              + " reads per payment %.2f (intent reads %.2f a second in flight), requests"
              + " per payment %.2f; pay() until its create left: %s%n",
          n,
          wait ? "server-side wait" : "polling",
          observers.length > 0 ? ", meters and traces attached" : "",
          executor != null ? ", the ERP's executor" : "",
          approved,
          sampler.peak(),
          sampler.peakNames(),
          heap / (1024 * 1024),
          wall,
          cpu,
          late.summary(),
          (double) polls / n,
          intentReads / (inFlightMillis.get() / 1000.0),
          (double) requests / n,
          creates.summary());
      return cpu;
    } finally {
      mellon.close();
    }
  }

  /** {@code observers} and {@code creates}: the builder takes all its observers at once. */
  private static PaymentObserver[] withCreates(PaymentObserver[] observers, CreateLatency creates) {
    PaymentObserver[] all = java.util.Arrays.copyOf(observers, observers.length + 1);
    all[observers.length] = creates;
    return all;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
