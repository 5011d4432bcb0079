package dev.webecr.sdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RrPayQuickstartTest {
  @Test
  void theRrPayQuickstartPaysByCardAndCashAndShowsTheDayTotals() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new RrPayQuickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String transcript = bytes.toString(StandardCharsets.UTF_8);

    assertThat(transcript)
        .contains("Sale K-0001 of 24.80 EUR: APPROVED")
        .contains("Sale K-0002 of 2.48 EUR: APPROVED")
        .contains("rounding -2")
        .contains("Sale K-0003 of 9.90 EUR: CANCELLED")
        .contains("net {1=250, 2=2480}, rounding -2, sales 2, returns 0");
    String folder =
        transcript.replaceAll("(?s).*RRPay session opened \\(GAMA's INIT\\) on (\\S+).*", "$1");
    assertThat(Path.of(folder)).isAbsolute().doesNotExist(); // the exchange folder is cleaned up
  }
}
