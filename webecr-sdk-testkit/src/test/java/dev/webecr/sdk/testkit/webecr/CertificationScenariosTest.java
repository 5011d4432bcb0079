package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.testkit.TestSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mellon's 19 certification scenarios, ours: the kit an ERP runs ({@link MellonCertificationKit}),
 * with the test signer, against the fake on virtual time; then the report it hands the network.
 */
class CertificationScenariosTest extends MellonCertificationKit {
  @TempDir Path reports;

  @Override
  protected PaymentSigner signer() {
    return new TestSigner(clock());
  }

  @Test
  @Order(20)
  void theReportHoldsEveryScenarioWithItsPaymentsAndWhatThePersonDid() throws Exception {
    assertThat(report().rows())
        .hasSize(19)
        .allSatisfy(r -> assertThat(r.get("passed")).as(String.valueOf(r)).isEqualTo(true));
    Map<String, Object> voided = report().rows().get(3);
    assertThat(String.valueOf(voided.get("payments"))).contains("CERT-04-A1", "APPROVED");

    report().write(reports);

    String md = Files.readString(reports.resolve("report.md"));
    String json = Files.readString(reports.resolve("report.json"));
    assertThat(md)
        .contains("| 2 | Sale of 1.00 EUR, approved | 1.00 EUR, ")
        .contains("press the red key")
        .doesNotContain("fake-signature")
        .doesNotContain("fake-key-");
    assertThat(json).contains("\"scenario\": 19").contains("\"transactionId\"");
  }
}
