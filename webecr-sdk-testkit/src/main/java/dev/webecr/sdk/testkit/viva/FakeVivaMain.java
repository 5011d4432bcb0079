package dev.webecr.sdk.testkit.viva;

import dev.webecr.sdk.testkit.Standalone;
import java.io.PrintStream;

/**
 * Runs the fake Viva server standalone, on the system clock: {@code java -cp
 * webecr-sdk-testkit-<version>-standalone.jar dev.webecr.sdk.testkit.viva.FakeVivaMain --port
 * 8090}. Prints its URL, the QA page, the fake credentials and what each terminal does; stops on
 * Ctrl-C. A bad option is one line on standard error and exit code 2; a port in use, 1.
 */
public final class FakeVivaMain {
  private static final String USAGE =
      "usage: java -cp webecr-sdk-testkit-standalone.jar dev.webecr.sdk.testkit.viva.FakeVivaMain"
          + " [--port N] [--bind ADDRESS]";

  private FakeVivaMain() {}

  /** Entry point: {@code --port N} (default 8090), {@code --bind ADDRESS} (default 127.0.0.1). */
  public static void main(String[] args) throws InterruptedException {
    FakeVivaBuilder builder = FakeVivaServer.builder().port(8090);
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (args[i].equals("--port") && value != null && value.matches("\\d{1,5}")) {
          builder.port(Integer.parseInt(value));
          i++;
        } else if (args[i].equals("--bind") && value != null) {
          builder.bindAddress(value);
          i++;
        } else if (args[i].equals("--help") || args[i].equals("-h")) {
          System.out.println(USAGE);
          return;
        } else {
          throw new IllegalArgumentException("cannot read option " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("viva fake: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    }
    FakeVivaServer server;
    try {
      server = builder.build().start();
    } catch (RuntimeException e) {
      System.err.println("viva fake: cannot listen: " + e.getMessage());
      System.exit(1);
      return;
    }
    banner(server, System.out);
    Standalone.serveUntilStopped(server);
  }

  static void banner(FakeVivaServer viva, PrintStream out) {
    out.println("Fake Viva server at " + viva.url() + " (token: " + viva.url() + "connect/token)");
    out.println("QA page: " + viva.pageUrl() + "   control API: " + viva.url() + "_fake/");
    out.println(
        "client id "
            + FakeVivaServer.CLIENT_ID
            + ", secret "
            + FakeVivaServer.CLIENT_SECRET
            + " (fake credentials); ISV pair "
            + FakeVivaServer.ISV_CLIENT_ID
            + " / "
            + FakeVivaServer.ISV_CLIENT_SECRET
            + "; AADE provider number 999");
    out.println("terminals:");
    for (FakeVivaTerminal t : FakeVivaTerminal.values()) {
      out.printf("  terminal %s  %s%n", t.terminalId(), t);
    }
    out.flush();
  }
}
