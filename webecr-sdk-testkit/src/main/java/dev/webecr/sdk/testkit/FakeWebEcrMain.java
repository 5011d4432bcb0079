package dev.webecr.sdk.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake WebECR server standalone, on the system clock:
 * {@code java -jar webecr-sdk-testkit-<version>-standalone.jar --port 8089}. Prints its URL,
 * credentials, the redeem code and the seeded terminals; stops on Ctrl-C.
 */
public final class FakeWebEcrMain {
  private FakeWebEcrMain() {}

  /** Entry point. Options: {@code --port N} (default 8089), {@code --bind ADDRESS}. */
  public static void main(String[] args) throws InterruptedException {
    int port = 8089;
    String bind = "127.0.0.1";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          port = Integer.parseInt(value(args, ++i, "--port"));
          break;
        case "--bind":
          bind = value(args, ++i, "--bind");
          break;
        default:
          System.err.println("usage: [--port N] [--bind ADDRESS]");
          System.exit(2);
      }
    }
    FakeWebEcrServer server = FakeWebEcrServer.builder().port(port).bindAddress(bind).build()
        .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    System.out.println("Fake WebECR server at " + server.baseUrl() + " (API version any, e.g. "
        + server.baseUrl() + "/api/v2.2/)");
    System.out.println("login: username " + FakeWebEcr.USERNAME + ", password "
        + FakeWebEcr.PASSWORD + " (fake credentials)");
    System.out.println("redeem code: " + FakeTerminals.REDEEM_CODE);
    System.out.println("terminals (TID / call id / profile):");
    for (FakeTerminal t : server.fake().terminals()) {
      System.out.println("  " + t.tid() + " / " + t.callId() + " / " + t.profile());
    }
    System.out.flush();
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return args[i];
  }
}
