package dev.webecr.sdk.samples.cli;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosClientBuilder;
import dev.webecr.sdk.PosException;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.Acquirer;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code webecr}: pair and check terminals on site, take a test payment, look payments up.
 * Credentials come from the environment ({@code WEBECR_USERNAME}, {@code WEBECR_PASSWORD}, {@code
 * WEBECR_API_KEY}), a config file or a prompt; never from arguments, which other users of the
 * machine can see.
 */
@Command(
    name = "webecr",
    mixinStandardHelpOptions = true,
    version = "webecr 0.1.0",
    description =
        "Mellon WebECR or Viva.com Cloud Terminal from the command line: pair or list terminals,"
            + " pay, check status.",
    subcommands = {
      RedeemCommand.class,
      TerminalsCommand.class,
      PayCommand.class,
      StatusCommand.class,
      IntentsCommand.class,
      RefundCommand.class,
      VoidCommand.class,
      RecoverCommand.class
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:done; for payments: approved",
      " 1:error (connection, credentials, provider refusal)",
      " 2:declined, cancelled or failed: nothing charged",
      " 3:terminal busy: nothing charged, retry later",
      " 4:batch full: close it on the POS, then retry",
      " 5:outcome unknown: check with 'status' later; do not charge again",
      "64:bad usage or input"
    })
public final class WebEcrCli {
  @CommandLine.Mixin CliViva viva;

  @Option(
      names = "--acquirer",
      description = "NBG, WORLDLINE, JCC, ATTICA, PANCRETA, NEXI, " + "MELLON_TEST")
  Acquirer acquirer;

  @Option(names = "--url", description = "Base URL of another WebECR host (wins over --acquirer)")
  String url;

  @Option(names = "--api-version", defaultValue = "v2.2", description = "Default: ${DEFAULT-VALUE}")
  String apiVersion;

  @Option(names = "--config", description = "Properties file with username, password, apiKey")
  Path config;

  @Option(
      names = "--key-file",
      description = "Where the API key is stored (default ~/.webecr/apikey)")
  Path keyFile;

  @Option(names = "--journal", description = "The payment journal (default ~/.webecr/journal)")
  Path journal;

  @Option(names = "--allow-http", description = "Allow plain http (local fake server only)")
  boolean allowHttp;

  @Option(names = "--test-signer", description = "Sign with fake signatures (fake server only)")
  boolean testSigner;

  @Option(
      names = "--wait",
      defaultValue = "180",
      description =
          "Seconds to wait for a payment's outcome (default ${DEFAULT-VALUE}); after that it stays"
              + " in the journal and 'webecr recover' settles it")
  long waitSeconds;

  final CliEnvironment env;

  WebEcrCli(CliEnvironment env) {
    this.env = env;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    CliEnvironment env =
        new CliEnvironment(
            System.getenv(),
            Path.of(System.getProperty("user.home")),
            WebEcrCli::promptOnConsole,
            out,
            err,
            Clock.systemUTC(),
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webecr-timer")),
            Executors.newCachedThreadPool(r -> daemon(r, "webecr-call")));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (Progress.waiting) {
                    err.println(
                        "Stopped waiting. The payment may still run on the terminal; it is in the"
                            + " journal: 'webecr recover' settles it. Do not charge again.");
                  }
                }));
    System.exit(run(args, env));
  }

  static int run(String[] args, CliEnvironment env) {
    CommandLine cli = new CommandLine(new WebEcrCli(env));
    cli.setOut(env.out).setErr(env.err);
    cli.setParameterExceptionHandler(
        (e, given) -> {
          env.err.println(UsageErrors.of(e, given));
          e.getCommandLine().usage(env.err);
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof OutcomeUnknownException) {
            env.err.println(
                "Outcome unknown: "
                    + e.getMessage()
                    + ". Do not charge again: 'webecr recover' settles it.");
            return ExitCodes.IN_DOUBT;
          }
          WebEcrCli root = line.getCommandSpec().root().commandLine().getCommand();
          env.err.println(
              e instanceof PosException
                  ? CliMessages.of(e, root.baseUrl())
                  : "Error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
          return e instanceof InvalidRequestException ? ExitCodes.USAGE : ExitCodes.ERROR;
        });
    return cli.execute(args);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static char[] promptOnConsole(String question) {
    return System.console() == null ? null : System.console().readPassword("%s", question);
  }

  Properties configFile() {
    Properties p = new Properties();
    if (config != null) {
      try (InputStream in = Files.newInputStream(config)) {
        p.load(in);
      } catch (IOException e) {
        throw new InvalidRequestException("--config", "cannot read " + config);
      }
    }
    return p;
  }

  String secret(String variable, String property, String prompt) {
    String v = env.variables.get(variable);
    if (v == null) {
      v = configFile().getProperty(property);
    }
    if (v == null && prompt != null) {
      char[] typed = env.prompt.apply(prompt);
      v = typed == null ? null : new String(typed);
    }
    if (v == null || v.isEmpty()) {
      throw new InvalidRequestException(
          property, "set " + variable + ", or " + property + " in --config");
    }
    return v;
  }

  PosProvider provider() {
    if (isViva()) {
      return viva.provider(this);
    }
    if (!viva.providerName.equalsIgnoreCase("mellon")) {
      throw new InvalidRequestException("--provider", "mellon or viva");
    }
    return CliMellon.provider(this);
  }

  /** The base URL the commands talk to, for messages; null when none was given. */
  String baseUrl() {
    return url != null ? url : acquirer != null ? acquirer.baseUrl() : null;
  }

  Path journalPath() {
    return journal != null ? journal : env.home.resolve(".webecr/journal");
  }

  PosClient client(PosProvider provider, EnvironmentSigner signatures) {
    PosClientBuilder b =
        PosClient.builder()
            .provider(provider)
            .journalFile(journalPath())
            .clock(env.clock)
            .scheduler(env.scheduler)
            .executor(env.executor)
            .paymentDeadline(Duration.ofSeconds(waitSeconds))
            // a journaled payment is resumed on its terminal (Mellon: with the stored API key)
            .terminalDirectory(
                (providerId, callId) ->
                    isViva() || storedApiKey().isPresent()
                        ? (isViva()
                                ? provider.directTerminals()
                                : provider.terminals(storedApiKey().get()))
                            .stream().filter(t -> t.callId().equals(callId)).findFirst()
                        : Optional.empty());
    b.signer(testSigner ? new TestSigner(env.clock) : signatures);
    return b.build();
  }

  Path keyFile() {
    return keyFile != null ? keyFile : env.home.resolve(".webecr/apikey");
  }

  ApiKey apiKey() {
    return storedApiKey()
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "apiKey",
                    "pair first ('webecr redeem --code ...'), or set " + "WEBECR_API_KEY"));
  }

  private Optional<ApiKey> storedApiKey() {
    String v = env.variables.get("WEBECR_API_KEY");
    if (v == null && Files.exists(keyFile())) {
      try {
        v = Files.readString(keyFile()).trim();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (v == null) {
      v = configFile().getProperty("apiKey");
    }
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(ApiKey.of(v));
  }

  boolean isViva() {
    return viva.providerName.equalsIgnoreCase("viva");
  }

  /** The terminals this client reaches: Mellon's for the stored API key, Viva's devices. */
  java.util.List<Terminal> terminals(PosClient client) {
    return isViva() ? client.directTerminals() : client.terminals(apiKey());
  }

  Terminal terminal(PosClient client, String tid) {
    return terminals(client).stream()
        .filter(t -> t.tid().equals(tid))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "--terminal",
                    "no terminal with TID "
                        + tid
                        + (isViva() ? " at Viva" : " for this API key")
                        + "; 'webecr terminals' lists them"));
  }

  void print(PaymentIntent i) {
    IntentPrinter.print(i, env.out);
  }
}
