package dev.webecr.sdk.benchmarks;

/**
 * Samples the live threads every 5 ms and keeps the peak of those the SDK started: threads that
 * were there before the round (but OkHttp's), and the embedded fake's (its JDK HTTP server,
 * WireMock's Jetty), are not counted. It lists them through their thread group, not {@code
 * Thread.getAllStackTraces()}: that stops every thread at a safepoint to walk its stack, and 200
 * times a second it delayed the very payments the harness times.
 */
final class ThreadSampler implements Runnable {
  /**
   * The threads there when the round began, not counted, except OkHttp's and Okio's: those start
   * once per JVM (during a warm-up) and serve every client, so every round counts them.
   */
  private final java.util.Set<Thread> before = java.util.Set.of(live());

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
      for (Thread t : live()) {
        String name = t.getName();
        boolean fake =
            name.startsWith("qtp")
                || name.startsWith("fake-")
                || name.contains("WireMock")
                || name.startsWith("Scheduler-")
                || name.startsWith("Connector-Scheduler")
                || name.startsWith("pool-")
                || name.equals("HTTP-Dispatcher") // the JDK HTTP server's
                || name.equals("idle-timeout-task");
        boolean shared = name.startsWith("OkHttp") || name.startsWith("Okio");
        if ((shared || !before.contains(t)) && t != thread && !fake) {
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

  /** The live threads, without their stacks. */
  private static Thread[] live() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all = new Thread[root.activeCount() * 2 + 16];
    int n;
    while ((n = root.enumerate(all, true)) == all.length) {
      all = new Thread[all.length * 2]; // more than the estimate: ask again with room
    }
    return java.util.Arrays.copyOf(all, n);
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
