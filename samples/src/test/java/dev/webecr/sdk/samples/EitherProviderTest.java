package dev.webecr.sdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EitherProviderTest {
  @Test
  void theSameTillCodePaysThroughMellonAndThroughViva() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EitherProvider.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String transcript = bytes.toString(StandardCharsets.UTF_8);

    assertThat(transcript)
        .contains("mellon: INV-2026-0042 24.80 EUR on terminal 10000001: COMPLETED / APPROVED")
        .contains("viva: INV-2026-0042 24.80 EUR on terminal 16000001: COMPLETED / APPROVED");
  }
}
