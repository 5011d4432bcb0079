package dev.webecr.sdk.testkit;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake WebECR server standalone, on the system clock: {@code java -jar
 * webecr-sdk-testkit-<version>-standalone.jar --port 8089}. Prints its URL, credentials, the redeem
 * code and the seeded terminals; stops on Ctrl-C.
 */
public final class FakeWebEcrMain {
  private FakeWebEcrMain() {}

  /**
   * Entry point. Options: {@code --port N} (default 8089), {@code --bind ADDRESS}, and the {@link
   * WebEcrBehaviour} switches: {@code --lag SECONDS}, {@code --no-single-intent-route}, {@code
   * --transaction-object}, {@code --list-declined}.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = 8089;
    String bind = "127.0.0.1";
    WebEcrBehaviour wanted = new WebEcrBehaviour();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          port = Integer.parseInt(value(args, ++i, "--port"));
          break;
        case "--bind":
          bind = value(args, ++i, "--bind");
          break;
        case "--lag":
          wanted.listingLag(
              java.time.Duration.ofSeconds(Long.parseLong(value(args, ++i, "--lag"))));
          break;
        case "--no-single-intent-route":
          wanted.singleIntentRoute(false);
          break;
        case "--transaction-object":
          wanted.transactionAsObject(true);
          break;
        case "--list-declined":
          wanted.listDeclinedTransactions(true);
          break;
        default:
          System.err.println(
              "usage: [--port N] [--bind ADDRESS] [--lag SECONDS] "
                  + "[--no-single-intent-route] [--transaction-object] [--list-declined]");
          System.exit(2);
      }
    }
    FakeWebEcrServer server =
        FakeWebEcrServer.builder().port(port).bindAddress(bind).build().start();
    server
        .fake()
        .behaviour()
        .listingLag(wanted.listingLag())
        .singleIntentRoute(wanted.singleIntentRoute())
        .transactionAsObject(wanted.transactionAsObject())
        .listDeclinedTransactions(wanted.listDeclinedTransactions());
    System.out.println("behaviour: " + server.fake().behaviour());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    System.out.println(
        "Fake WebECR server at "
            + server.baseUrl()
            + " (API version any, e.g. "
            + server.baseUrl()
            + "/api/v2.2/)");
    System.out.println(
        "login: username "
            + FakeWebEcr.USERNAME
            + ", password "
            + FakeWebEcr.PASSWORD
            + " (fake credentials)");
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
