package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.webecr.FakeTerminal;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long after {@code pay()} the create leaves, one payment at a time, against what one forced
 * write costs on the same disk in the same run: payments on a file journal and on an in-memory
 * journal, and an append of a journal-sized line with {@code force}, interleaved one by one, after
 * {@link JitWarmUp}. Prints the medians and p90s, and the file journal's median less the force's:
 * what the SDK adds to the one force a create must wait for (the lookup before a first attempt, a
 * round trip to the fake on loopback, signing, the journal's line).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.CreateDeparture 1000
 * }</pre>
 */
public final class CreateDeparture {
  private static final int TILLS = 50;

  /** The first till's TID: theirs start with 4. */
  private static final int FIRST_TID = 40_000_000;

  private CreateDeparture() {}

  /** Runs it; the argument is the number of payments on each journal (default 1000). */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Clock clock = Clock.systemUTC();
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start()) {
      Tills.kindFake(server);
      for (FakeTerminal till : Tills.add(server, FIRST_TID, 500_000, TILLS, "Till")) {
        till.dialogueTime(Duration.ofMillis(3), Duration.ofMillis(5));
      }
      JitWarmUp.run(server, clock, JitWarmUp.waves());
      Path dir = Files.createTempDirectory("webecr-departure");
      CreateLatency onFile = new CreateLatency();
      CreateLatency inMemory = new CreateLatency();
      PosProvider fileProvider = MellonProvider.create(server.mellonConfig().build(), clock);
      PosProvider memoryProvider = MellonProvider.create(server.mellonConfig().build(), clock);
      long[] forces = new long[n];
      try (PosClient file =
              Tills.client(fileProvider, clock, dir.resolve("journal")).observer(onFile).build();
          PosClient memory = Tills.client(memoryProvider, clock, null).observer(inMemory).build();
          FileChannel disk =
              FileChannel.open(
                  dir.resolve("forced"), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        List<Terminal> tills = Tills.paired(file, FIRST_TID);
        List<Terminal> memoryTills = Tills.paired(memory, FIRST_TID);
        for (int i = 0; i < n; i++) {
          Tills.pay(file, tills.get(i % TILLS), "F-" + i);
          Tills.pay(memory, memoryTills.get(i % TILLS), "M-" + i);
          forces[i] = force(disk);
        }
      } finally {
        fileProvider.close();
        memoryProvider.close();
      }
      Arrays.sort(forces);
      List<Long> f = onFile.drain();
      List<Long> m = inMemory.drain();
      double forceMedian = forces[n / 2] / 1e6;
      System.out.printf(
          "%d payments each, one at a time: pay() until its create left, file journal median %.3f"
              + " ms (p90 %.3f), in-memory journal median %.3f ms (p90 %.3f); a line appended"
              + " and forced on the same disk median %.3f ms (p90 %.3f); the file journal's"
              + " median less the force's: %.3f ms%n",
          n,
          f.get(f.size() / 2) / 1e6,
          f.get(f.size() * 9 / 10) / 1e6,
          m.get(m.size() / 2) / 1e6,
          m.get(m.size() * 9 / 10) / 1e6,
          forceMedian,
          forces[n * 9 / 10] / 1e6,
          f.get(f.size() / 2) / 1e6 - forceMedian);
    }
  }

  /** Appends a line the size of a journal's and forces it: nanoseconds. */
  private static long force(FileChannel disk) throws IOException {
    byte[] line = new byte[220];
    Arrays.fill(line, (byte) 'x');
    line[line.length - 1] = '\n';
    long start = System.nanoTime();
    disk.write(ByteBuffer.wrap(line));
    disk.force(false);
    return System.nanoTime() - start;
  }
}
