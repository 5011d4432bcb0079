package dev.webecr.sdk.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {
  @Test
  void theQuickstartWalksThroughTheWholeDay() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String transcript = bytes.toString(StandardCharsets.UTF_8);

    assertThat(transcript)
        .contains("Sale of 24.80 EUR for INV-2026-0001: COMPLETED / APPROVED")
        .containsPattern("RRN \\d{12}, authorisation code \\w+")
        .contains("Refund 4.80 EUR of INV-2026-0001: COMPLETED / APPROVED")
        .contains("Void of INV-2026-0002: COMPLETED / APPROVED")
        .contains("the money went back to the card")
        .contains("INV-2026-0003: COMPLETED / DECLINED")
        .contains("INV-2026-0004: COMPLETED / BUSY")
        .contains("try again in a moment")
        .contains("INV-2026-0005: COMPLETED / MAX_TRANSACTIONS")
        .contains("close the batch")
        .contains("journal and provider agree")
        .doesNotContain("fake-key-");
  }
}
