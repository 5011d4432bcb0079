package dev.webecr.sdk.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.webecr.FakeTerminals;
import dev.webecr.sdk.testkit.webecr.FakeWebEcr;
import dev.webecr.sdk.testkit.webecr.FakeWebEcrServer;
import dev.webecr.sdk.testkit.webecr.TerminalProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command against the fake WebECR server, on virtual time. */
class WebEcrCliTest {
  @TempDir Path home;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
  private final FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();
  private final Map<String, String> variables =
      new HashMap<>(
          Map.of("WEBECR_USERNAME", FakeWebEcr.USERNAME, "WEBECR_PASSWORD", FakeWebEcr.PASSWORD));
  private final List<String> everythingPrinted = new ArrayList<>();
  private String out;
  private String err;

  @BeforeEach
  void pair() {
    assertThat(run("redeem", "--code", FakeTerminals.REDEEM_CODE)).isZero();
  }

  @AfterEach
  void stop() {
    server.close();
    String all = String.join("\n", everythingPrinted);
    assertThat(all)
        .doesNotContain(FakeWebEcr.PASSWORD)
        .doesNotContain("fake-key-")
        .doesNotContain("ZmFrZS1zaWduYXR1cmU"); // the TestSigner's signature, base64
  }

  private int run(String... args) {
    List<String> all =
        new ArrayList<>(List.of("--url", server.baseUrl(), "--allow-http", "--test-signer"));
    all.addAll(List.of(args));
    return runRaw(all.toArray(new String[0]));
  }

  /** Runs the command line exactly as given (no URL or flags added). */
  private int runRaw(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            variables,
            home,
            question -> null,
            new PrintWriter(o, true),
            new PrintWriter(e, true),
            clock,
            new VirtualTimeScheduler(clock),
            Runnable::run);
    int code = WebEcrCli.run(args, env);
    out = o.toString();
    err = e.toString();
    everythingPrinted.add(out);
    everythingPrinted.add(err);
    return code;
  }

  private static String tid(TerminalProfile profile) {
    return FakeTerminals.tidOf(profile);
  }

  private String intentIdPrinted() {
    return out.lines()
        .filter(l -> l.startsWith("intent"))
        .findFirst()
        .orElseThrow()
        .replace("intent", "")
        .trim();
  }

  @Test
  void redeemSavesTheKeyToItsFileAndNeverPrintsIt() throws Exception {
    assertThat(out).contains("Paired. API key saved to").contains("Terminals it reaches: 9");
    assertThat(Files.readString(home.resolve(".webecr/apikey"))).startsWith("fake-key-");
  }

  @Test
  void terminalsListsTidCallIdAndName() {
    assertThat(run("terminals")).isZero();
    assertThat(out).contains("10000001   358001").contains("Fake till 1");
  }

  @Test
  void payPrintsTheApprovedPaymentAndExitsZero() {
    assertThat(
            run(
                "pay",
                "--terminal",
                tid(TerminalProfile.APPROVE),
                "--amount",
                "24.80",
                "--reference",
                "CLI-1"))
        .isZero();
    assertThat(out)
        .contains("Paying CLI-1 on terminal 10000001: when the terminal shows the amount")
        .doesNotContain("Sent to terminal")
        .contains("COMPLETED / APPROVED")
        .contains("RRN")
        .contains("auth code")
        .contains("next          NONE");
  }

  @Test
  void theExitCodeSaysWhatHappenedToThePayment() {
    assertThat(
            run(
                "pay",
                "--terminal",
                tid(TerminalProfile.APPROVE),
                "--amount",
                "9.99",
                "--reference",
                "CLI-D"))
        .isEqualTo(ExitCodes.NOT_CHARGED);
    assertThat(
            run(
                "pay",
                "--terminal",
                tid(TerminalProfile.BUSY),
                "--amount",
                "1.00",
                "--reference",
                "CLI-B"))
        .isEqualTo(ExitCodes.BUSY);
    assertThat(
            run(
                "pay",
                "--terminal",
                tid(TerminalProfile.APPROVE),
                "--amount",
                "1.95",
                "--reference",
                "CLI-M"))
        .isEqualTo(ExitCodes.BATCH_FULL);
    assertThat(
            run(
                "pay",
                "--terminal",
                tid(TerminalProfile.NO_ANSWER),
                "--amount",
                "1.00",
                "--reference",
                "CLI-N"))
        .isEqualTo(ExitCodes.IN_DOUBT);
    assertThat(err).contains("Outcome unknown");
  }

  @Test
  void statusRefundVoidAndIntentsWorkOnAPayment() {
    run(
        "pay",
        "--terminal",
        tid(TerminalProfile.APPROVE),
        "--amount",
        "50.00",
        "--reference",
        "CLI-S");
    String sale = intentIdPrinted();
    run(
        "pay",
        "--terminal",
        tid(TerminalProfile.APPROVE),
        "--amount",
        "5.00",
        "--reference",
        "CLI-T");
    String other = intentIdPrinted();
    clock.advance(java.time.Duration.ofSeconds(10)); // past the fake's listing lag

    assertThat(run("status", sale, "--terminal", tid(TerminalProfile.APPROVE))).isZero();
    assertThat(out).contains("CLI-S-A1").contains("APPROVED");
    assertThat(
            run(
                "refund",
                "--terminal",
                tid(TerminalProfile.APPROVE),
                "--intent",
                sale,
                "--amount",
                "20.00",
                "--reference",
                "CLI-S-CN"))
        .isZero();
    assertThat(out).contains("REFUND of 20.00 EUR");
    assertThat(
            run(
                "void",
                "--terminal",
                tid(TerminalProfile.APPROVE),
                "--intent",
                other,
                "--reference",
                "CLI-T-V"))
        .isZero();
    assertThat(out).contains("VOID of 5.00 EUR");
    assertThat(
            run(
                "intents",
                "--terminal",
                tid(TerminalProfile.APPROVE),
                "--from",
                "2026-11-22",
                "--to",
                "2026-11-22"))
        .isZero();
    assertThat(out).contains("CLI-S-A1").contains("CLI-T-A1").contains("CLI-S-CN-A1");
  }

  @Test
  void aSaleIsNeverCreditedTwiceFromTheCommandLine() {
    String t = tid(TerminalProfile.APPROVE);
    run("pay", "--terminal", t, "--amount", "30.00", "--reference", "CLI-DC");
    String sale = intentIdPrinted();
    clock.advance(java.time.Duration.ofSeconds(10)); // past the fake's listing lag
    assertThat(run("void", "--terminal", t, "--intent", sale, "--reference", "CLI-DC-V")).isZero();
    long creates = server.fake().creates();

    int again = run("void", "--terminal", t, "--intent", sale, "--reference", "CLI-DC-V2");
    String againErr = err;
    int refund =
        run(
            "refund",
            "--terminal",
            t,
            "--intent",
            sale,
            "--amount",
            "30.00",
            "--reference",
            "CLI-DC-CN");

    assertThat(again).isEqualTo(ExitCodes.USAGE); // refused before sending, as bad input
    assertThat(againErr).contains("original").contains("already voided");
    assertThat(refund).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("amount");
    assertThat(server.fake().creates()).isEqualTo(creates);
  }

  @Test
  void everySubcommandAnswersHelpWithItsUsage() {
    for (String command :
        List.of("redeem", "terminals", "pay", "status", "intents", "refund", "void")) {
      assertThat(run(command, "--help")).as(command).isZero();
      assertThat(out).as(command).contains("Usage: webecr " + command);
    }
  }

  @Test
  void aServerThatIsNotThereIsNamedWithWhatToCheck() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertThat(runRaw("--url", "http://127.0.0.1:" + closed, "--allow-http", "terminals"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.strip())
        .startsWith("cannot connect to 127.0.0.1:" + closed + " (connection refused)")
        .doesNotContain("Exception");
  }

  @Test
  void plainHttpRefusedSaysWhichFlagAllowsIt() {
    assertThat(runRaw("--url", server.baseUrl(), "terminals")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("https").contains("--allow-http");
  }

  @Test
  void payingAnApprovedReferenceAgainSaysNothingWasSent() {
    String[] pay = {
      "pay",
      "--terminal",
      tid(TerminalProfile.APPROVE),
      "--amount",
      "24.80",
      "--reference",
      "CLI-AGAIN"
    };
    assertThat(run(pay)).isZero();
    long creates = server.fake().creates();
    clock.advance(java.time.Duration.ofSeconds(10)); // past the fake's listing lag

    assertThat(run(pay)).isZero();

    assertThat(out)
        .contains("CLI-AGAIN was already approved earlier: nothing sent")
        .doesNotContain("Paying CLI-AGAIN")
        .contains("kind          SALE of 24.80 EUR");
    assertThat(server.fake().creates()).isEqualTo(creates);
  }

  @Test
  void statusOfAPaymentThatDoesNotExistSaysSo() {
    assertThat(run("status", "424242", "--terminal", tid(TerminalProfile.APPROVE)))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.strip())
        .isEqualTo(
            "no such payment: no intent 424242 on terminal "
                + tid(TerminalProfile.APPROVE)
                + ", and no reference 424242 in this machine's journal");
  }

  @Test
  void statusTakesTheErpReferenceOfAPaymentMadeHere() {
    String t = tid(TerminalProfile.APPROVE);
    assertThat(run("pay", "--terminal", t, "--amount", "12.00", "--reference", "INV-ST")).isZero();
    clock.advance(java.time.Duration.ofSeconds(10)); // past the fake's listing lag

    assertThat(run("status", "INV-ST", "--terminal", t)).isZero();

    assertThat(out).contains("reference     INV-ST-A1").contains("COMPLETED / APPROVED");
  }

  @Test
  void aMistypedOptionIsNamedAsUnknownWithTheOneMeant() {
    assertThat(run("pay", "--terminl", "10000001", "--amount", "1.00", "--reference", "X"))
        .isEqualTo(ExitCodes.USAGE);

    assertThat(err)
        .contains("Unknown option: '--terminl' (did you mean --terminal?)")
        .doesNotContain("Missing required option");
  }

  @Test
  void voidingAnIntentThatDoesNotExistSaysSo() {
    String t = tid(TerminalProfile.APPROVE);
    assertThat(run("void", "--terminal", t, "--intent", "999", "--reference", "V-999"))
        .isEqualTo(ExitCodes.ERROR);

    assertThat(err).contains("no intent 999").doesNotContain("not listed yet under");
    assertThat(server.fake().creates()).isZero();
  }

  @Test
  void recoverSettlesWhatTheJournalHoldsInDoubt() {
    String t = tid(TerminalProfile.APPROVE);
    server.control().profile(t, TerminalProfile.MANUAL);
    // the person at the terminal does not answer within the wait: the payment stays in doubt
    assertThat(
            run("--wait", "5", "pay", "--terminal", t, "--amount", "9.00", "--reference", "INV-RC"))
        .isEqualTo(ExitCodes.IN_DOUBT);
    assertThat(err).contains("Do not charge again").contains("webecr recover");
    server.control().press(t, dev.webecr.sdk.testkit.webecr.TerminalAction.APPROVE);
    clock.advance(java.time.Duration.ofSeconds(10));

    assertThat(run("recover")).isZero();

    assertThat(out).contains("settled       INV-RC-A1: COMPLETED / APPROVED");
    assertThat(run("recover")).isZero();
    assertThat(out).contains("nothing in doubt");
  }

  @Test
  void missingCredentialsAndBadUsageAreClearErrors() {
    variables.remove("WEBECR_PASSWORD");
    assertThat(run("terminals")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("WEBECR_PASSWORD");

    assertThat(run("pay", "--terminal", "10000001")).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("--amount");
    assertThat(run("refund", "--help")).isZero();
    assertThat(out).contains("--signing-author=<signingAuthor>", "myDATA SigningAuthor");
  }

  @Test
  void withoutTheTestSignerAPaymentNeedsTheSignedInput() {
    StringWriter e = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            variables,
            home,
            q -> null,
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(e, true),
            clock,
            new VirtualTimeScheduler(clock),
            Runnable::run);

    int code =
        WebEcrCli.run(
            new String[] {
              "--url",
              server.baseUrl(),
              "--allow-http",
              "pay",
              "--terminal",
              "10000001",
              "--amount",
              "1.00",
              "--reference",
              "CLI-X"
            },
            env);

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(e.toString()).contains("--input");
    assertThat(server.fake().creates()).isZero();
  }
}
