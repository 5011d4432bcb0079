package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The standalone fake as a person meets it: clear one-line errors and a truthful banner. */
class StandaloneFakeTest {
  @Test
  void aBadPortIsOneLineAndExitCodeTwoWithNoStackTrace() throws Exception {
    Result r = run("--port", "abc");

    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).startsWith("webecr fake: --port needs a number, was 'abc'");
    assertThat(r.err).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aPortInUseIsOneLineAndExitCodeOne() throws Exception {
    try (FakeWebEcrServer taken = FakeWebEcrServer.builder().build().start()) {
      Result r = run("--port", String.valueOf(taken.port()));

      assertThat(r.code).isEqualTo(1);
      assertThat(r.err.strip()).startsWith("webecr fake: cannot listen: the port is in use");
      assertThat(r.err.strip().lines()).hasSize(1);
    }
  }

  @Test
  void theBannerTellsWhatEachTerminalDoesAndWhereThePageIs() {
    try (FakeWebEcrServer server = FakeWebEcrServer.builder().build().start()) {
      server.control().profile("10000004", TerminalProfile.MANUAL);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      FakeWebEcrMain.banner(server, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String banner = bytes.toString(StandardCharsets.UTF_8);

      assertThat(banner).contains("QA page: " + server.pageUrl());
      for (FakeTerminal t : server.fake().terminals()) {
        assertThat(banner)
            .containsPattern(
                "TID " + t.tid() + " .* " + t.profile() + " +" + quote(t.profile().description()));
      }
      assertThat(banner).contains("MANUAL").contains("batch full after 3");
    }
  }

  private static String quote(String s) {
    return java.util.regex.Pattern.quote(s);
  }

  private static final class Result {
    final int code;
    final String err;

    Result(int code, String err) {
      this.code = code;
      this.err = err;
    }
  }

  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FakeWebEcrMain.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the fake did not exit");
    }
    return new Result(p.exitValue(), err);
  }
}
