package dev.webecr.sdk.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.testkit.viva.FakeVivaServer;
import dev.webecr.sdk.testkit.viva.FakeVivaTerminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same commands with {@code --provider viva}, against the fake Viva server on virtual time. */
class VivaCliTest {
  @TempDir Path home;
  private final TestClock clock = new TestClock(Instant.parse("2026-12-07T08:00:00Z"));
  private final FakeVivaServer fake = FakeVivaServer.builder().clock(clock).build().start();
  private final List<String> everythingPrinted = new ArrayList<>();
  private String out;
  private String err;

  @AfterEach
  void stop() {
    fake.close();
    assertThat(String.join("\n", everythingPrinted))
        .doesNotContain(FakeVivaServer.CLIENT_SECRET)
        .doesNotContain("viva-token-");
  }

  private int run(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("--provider", "viva", "--url", fake.url(), "--allow-http", "--test-signer"));
    all.addAll(List.of(args));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CliEnvironment env =
        new CliEnvironment(
            Map.of(
                "VIVA_CLIENT_ID", FakeVivaServer.CLIENT_ID,
                "VIVA_CLIENT_SECRET", FakeVivaServer.CLIENT_SECRET),
            home,
            question -> null,
            new PrintWriter(o, true),
            new PrintWriter(e, true),
            clock,
            new VirtualTimeScheduler(clock),
            Runnable::run,
            new VirtualTimeScheduler(clock)); // the provider's pacing waits, on virtual time too
    int code = WebEcrCli.run(all.toArray(new String[0]), env);
    out = o.toString();
    err = e.toString();
    everythingPrinted.add(out);
    everythingPrinted.add(err);
    return code;
  }

  @Test
  void theTerminalsAreVivasDevicesAndPairingIsNotAsked() {
    assertThat(run("terminals")).isZero();
    assertThat(out).contains(FakeVivaTerminal.APPROVE.terminalId()).contains("Viva 16000001");

    assertThat(run("redeem", "--code", "12345678")).isEqualTo(ExitCodes.ERROR);
    assertThat(err).containsIgnoringCase("redeem");
  }

  @Test
  void aPaymentThroughVivaIsApprovedAndExitsZero() {
    String tid = FakeVivaTerminal.APPROVE.terminalId();

    assertThat(run("pay", "--terminal", tid, "--amount", "12.40", "--reference", "CLI-V1"))
        .isZero();
    assertThat(out).contains("APPROVED").contains("CLI-V1-A1");
    assertThat(fake.posts("CLI-V1-A1")).isEqualTo(1);

    assertThat(run("pay", "--terminal", "16000002", "--amount", "5.00", "--reference", "CLI-V2"))
        .isEqualTo(ExitCodes.NOT_CHARGED);
  }
}
