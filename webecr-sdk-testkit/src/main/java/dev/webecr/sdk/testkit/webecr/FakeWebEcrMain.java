package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.testkit.Standalone;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Runs the fake WebECR server standalone, on the system clock: {@code java -jar
 * webecr-sdk-testkit-<version>-standalone.jar --port 8089}. Prints its URL, the QA page, the
 * credentials, the redeem code and what each terminal does, then one line per request; stops on
 * Ctrl-C. A bad option or a port in use is one line on standard error and exit code 2 or 1.
 */
public final class FakeWebEcrMain {
  private static final String USAGE =
      "usage: java -jar webecr-sdk-testkit-standalone.jar [--port N] [--bind ADDRESS]"
          + " [--lag SECONDS] [--single-intent-route] [--transaction-object]"
          + " [--list-declined] [--set NAME=VALUE]... [--quiet]";

  private FakeWebEcrMain() {}

  /** A bad command line: one line for the person who typed it. */
  private static final class Usage extends Exception {
    private static final long serialVersionUID = 1L;

    Usage(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Entry point. Options: {@code --port N} (default 8089), {@code --bind ADDRESS}, {@code --quiet}
   * (no request lines), and the {@link WebEcrBehaviour} switches: {@code --lag SECONDS}, {@code
   * --single-intent-route} (the kind variant; {@code --no-single-intent-route}, the default, is
   * still taken), {@code --transaction-object}, {@code --list-declined}, and any switch by name
   * with {@code --set NAME=VALUE} (e.g. {@code --set late-commit=70,30}; {@code --set help=} lists
   * them).
   */
  public static void main(String[] args) throws InterruptedException {
    FakeWebEcrServer.Builder builder = FakeWebEcrServer.builder().port(8089);
    java.util.Map<String, String> switches = new java.util.LinkedHashMap<>();
    boolean quiet = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help":
          case "-h":
            System.out.println(USAGE);
            return;
          case "--port":
            builder.port(port(value(args, ++i, "--port")));
            break;
          case "--bind":
            builder.bindAddress(value(args, ++i, "--bind"));
            break;
          case "--lag":
            switches.put("listing-lag", String.valueOf(number(value(args, ++i, "--lag"), "--lag")));
            break;
          case "--single-intent-route":
          case "--no-single-intent-route":
            switches.put("single-intent-route", String.valueOf(!args[i].startsWith("--no-")));
            break;
          case "--transaction-object":
            switches.put("transaction-as-object", "true");
            break;
          case "--list-declined":
            switches.put("list-declined-transactions", "true");
            break;
          case "--set":
            String pair = value(args, ++i, "--set");
            int eq = pair.indexOf('=');
            switches.put(
                eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            break;
          case "--quiet":
            quiet = true;
            break;
          default:
            throw new Usage("unknown option " + args[i]);
        }
      }
      WebEcrBehaviour wanted = new WebEcrBehaviour(); // every switch checked before the start
      for (java.util.Map.Entry<String, String> w : switches.entrySet()) {
        try {
          BehaviourSwitches.set(wanted, w.getKey(), w.getValue());
        } catch (IllegalArgumentException e) {
          throw new Usage(e.getMessage());
        }
      }
    } catch (Usage e) {
      System.err.println("webecr fake: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    }
    if (!quiet) {
      builder.accessLog(
          line -> System.out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "  " + line));
    }
    FakeWebEcrServer server = builder.build();
    try {
      server.start();
    } catch (RuntimeException e) {
      System.err.println("webecr fake: cannot listen: " + rootMessage(e));
      System.exit(1);
    }
    switches.forEach(
        (name, value) -> BehaviourSwitches.set(server.fake().behaviour(), name, value));
    banner(server, System.out);
    Standalone.serveUntilStopped(server);
  }

  static void banner(FakeWebEcrServer server, PrintStream out) {
    out.println("Fake WebECR server at " + server.baseUrl() + "/api/v2.2/ (any API version)");
    out.println("QA page: " + server.pageUrl() + "   control API: " + server.baseUrl() + "/_fake/");
    out.println(
        "login: username "
            + FakeWebEcr.USERNAME
            + ", password "
            + FakeWebEcr.PASSWORD
            + " (fake credentials)");
    out.println("redeem code: " + FakeTerminals.REDEEM_CODE);
    out.println("behaviour: " + server.fake().behaviour());
    out.println("terminals:");
    for (FakeTerminal t : server.fake().terminals()) {
      String batch =
          t.batchLimit() == Integer.MAX_VALUE ? "" : ", batch full after " + t.batchLimit();
      out.printf(
          "  TID %s  call id %s  %-16s %s%s%n",
          t.tid(), t.callId(), t.profile(), t.profile().description(), batch);
    }
    out.println("amounts that choose the outcome: see FakeTerminals (9.99 declines, x.91-x.98)");
    out.flush();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.toLowerCase(java.util.Locale.ROOT).contains("address already in use")
        ? "the port is in use (" + m + ")"
        : m;
  }

  private static int port(String text) throws Usage {
    long p = number(text, "--port");
    if (p < 0 || p > 65535) {
      throw new Usage("--port must be 0 to 65535, was " + text);
    }
    return (int) p;
  }

  private static long number(String text, String option) throws Usage {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new Usage(option + " needs a number, was '" + text + "'");
    }
  }

  private static String value(String[] args, int i, String option) throws Usage {
    if (i >= args.length) {
      throw new Usage(option + " needs a value");
    }
    return args[i];
  }
}
