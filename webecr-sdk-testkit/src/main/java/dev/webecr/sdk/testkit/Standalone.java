package dev.webecr.sdk.testkit;

import java.util.concurrent.CountDownLatch;

/** For the fakes' {@code main} methods: serve until the process is stopped (Ctrl-C), then close. */
public final class Standalone {
  private Standalone() {}

  /** Prints nothing; closes {@code server} when the JVM shuts down and returns only then. */
  public static void serveUntilStopped(AutoCloseable server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    // shutting down: nothing is left to tell
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }
}
