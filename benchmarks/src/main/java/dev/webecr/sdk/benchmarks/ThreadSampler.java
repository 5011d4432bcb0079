package dev.webecr.sdk.benchmarks;

/**
 * Samples the live threads every 5 ms and keeps the peak of those the SDK started: threads that
 * were there before, and the embedded fake's (its JDK HTTP server, WireMock's Jetty), are not
 * counted.
 */
final class ThreadSampler implements Runnable {
  private final java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
  private final Thread thread = new Thread(this, "load-harness-sampler");
  private volatile boolean running = true;
  private int peak;
  private java.util.Map<String, Integer> peakNames = new java.util.TreeMap<>();

  ThreadSampler() {
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    while (running) {
      java.util.Map<String, Integer> names = new java.util.TreeMap<>();
      int count = 0;
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        String name = t.getName();
        boolean fake =
            name.startsWith("qtp")
                || name.startsWith("fake-")
                || name.contains("WireMock")
                || name.startsWith("Scheduler-")
                || name.startsWith("Connector-Scheduler")
                || name.startsWith("pool-");
        if (!before.contains(t) && t != thread && !fake) {
          count++;
          names.merge(name.replaceAll("[-#]?[0-9]+$", ""), 1, Integer::sum);
        }
      }
      synchronized (this) {
        if (count > peak) {
          peak = count;
          peakNames = names;
        }
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join();
  }

  synchronized int peak() {
    return peak;
  }

  synchronized java.util.Map<String, Integer> peakNames() {
    return peakNames;
  }
}
