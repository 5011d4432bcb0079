package dev.webecr.sdk.benchmarks;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.spi.IntentJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client's start on a file journal of N attempts (1 in 100 in flight), each in a JVM that has
 * done nothing before (no class loaded, nothing compiled: what an application server's restart
 * sees, and what JMH's forks do not, since their set-up writes the journal first): the time to open
 * it and list the attempts in flight, and the heap the open journal holds after a full GC.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.webecr.sdk.benchmarks.JournalStart 1000000 6
 * }</pre>
 */
public final class JournalStart {
  private JournalStart() {}

  /** Arguments: attempts (default 1,000,000), fresh JVMs (default 6). */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("open")) {
      open(Paths.get(args[1]));
      return;
    }
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Path dir = Files.createTempDirectory("webecr-journal-start");
    Path file = dir.resolve("journal");
    try {
      try (IntentJournal journal = Journals.file(file)) {
        SampleDay.fill(journal, records);
      }
      System.out.printf("%d attempts, %d MB file%n", records, Files.size(file) >> 20);
      List<String> lines = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        lines.add(fresh(file));
      }
      lines.forEach(System.out::println);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** One open in a JVM of its own, with this one's class path; its line. */
  private static String fresh(Path file) throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                JournalStart.class.getName(),
                "open",
                file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("the fresh JVM failed: " + out);
    }
    return out;
  }

  private static void open(Path file) {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    long start = System.nanoTime();
    try (IntentJournal journal = Journals.file(file)) {
      int inFlight = journal.inFlight().size();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.gc();
      long held = rt.totalMemory() - rt.freeMemory() - heapBefore;
      System.out.printf(
          "opened and listed %d in flight in %d ms; heap held %d MB%n",
          inFlight, millis, held >> 20);
    }
  }
}
