package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OriginalTransaction;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosClientBuilder;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.PaymentSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Mellon's 19 certification scenarios (list v2.4.2, docs/contracts/mellon-webecr.md) as a JUnit 5
 * suite an ERP runs with its own e-invoicing signer, in order, each a test named by its number.
 * Against the embedded fake by default (virtual time; the fake plays the person at the terminal);
 * against a WebECR UAT host with {@code -Dwebecr.certification.url} ({@link
 * CertificationTarget#fromEnvironment()}). Writes the report the network asks for ({@link
 * CertificationReport}) into {@code target/mellon-certification}.
 *
 * <pre>{@code
 * class OurCertificationTest extends MellonCertificationKit {
 *   protected PaymentSigner signer() { return new OurEInvoicingSigner(); }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class MellonCertificationKit extends CertificationSales {
  private PaymentIntent preAuth;

  /** The ERP's own signer; {@link #clock()} is the clock its timestamps should use. */
  protected abstract PaymentSigner signer();

  /** Where the scenarios run; default {@link CertificationTarget#fromEnvironment()}. */
  protected CertificationTarget target() {
    return CertificationTarget.fromEnvironment();
  }

  /** Where the report goes; default {@code target/mellon-certification}. */
  protected Path reportDirectory() {
    return Path.of("target", "mellon-certification");
  }

  /** The client the kit pays with; an ERP may add its own settings (not the provider). */
  protected PosClientBuilder client(PosClientBuilder defaults) {
    return defaults;
  }

  @BeforeAll
  final void startKit() {
    CertificationTarget target = target();
    Clock clock = target.clock;
    PosClientBuilder b =
        PosClient.builder()
            .provider(target.provider())
            .journal(Journals.inMemory())
            .clock(clock)
            .paymentDeadline(Duration.ofSeconds(300));
    target.scheduler().ifPresent(s -> b.scheduler(s).executor(Runnable::run));
    String prefix =
        target.isFake()
            ? "CERT"
            : "CERT"
                + DateTimeFormatter.ofPattern("MMddHHmm").withZone(ATHENS).format(clock.instant());
    open(
        target,
        prefix,
        new CertificationReport(target.isFake() ? "embedded fake" : "WebECR UAT", clock.instant()));
    this.client = client(b.signer(signer())).build();
  }

  @AfterAll
  final void stopKit() {
    report.write(reportDirectory());
    client.close();
    target.close();
  }

  @Test
  @Order(11)
  void scenario11_preAuthorisationStartedOnThePosIsFoundByTheErp() {
    String person = "start a pre-authorisation of 50.00 EUR on the POS";
    step(
        11,
        "Pre-authorisation started on the POS, found by the ERP",
        person,
        () -> {
          target.person(person, () -> target.fake.control().preAuthoriseOnPos(till.tid(), 5000));
          target.letTheListingCatchUp();
          preAuth =
              record(
                  client.intents(till, today()).stream()
                      .filter(i -> i.kind() == TransactionType.PRE_AUTHORISATION)
                      .reduce((a, b) -> b)
                      .orElseThrow());
          expect(preAuth.isApproved(), "the pre-authorisation approved");
          expectEqual(
              Money.parse("50.00", Money.EUR), preAuth.amount(), "the pre-authorisation amount");
        });
  }

  @Test
  @Order(12)
  void scenario12_completionOfThePreAuthorisationFromTheErp() {
    step(
        12,
        "Completion of the pre-authorisation (42.30 EUR) from the ERP",
        null,
        () -> {
          PaymentIntent completed =
              pay(
                  payment(till, "42.30", "12")
                      .kind(TransactionType.PRE_AUTH_COMPLETION)
                      .original(OriginalTransaction.of(preAuth)));
          expectResult(completed, IntentResult.APPROVED);
          target
              .sent(ref("12") + "-A1")
              .ifPresent(
                  s -> {
                    expectEqual(3, s.txnType, "TxnType sent");
                    expectEqual(
                        preAuth.transactionRecordId().orElseThrow(), s.originalId, "original sent");
                  });
        });
  }

  @Test
  @Order(13)
  void scenario13_saleOf2EurStoppedByTheOperatorWithTheRedKey() {
    String person = "when the terminal shows 2.00 EUR, press the red key";
    step(
        13,
        "Sale of 2.00 EUR stopped by the operator (red key)",
        person,
        () -> {
          target.person(person, () -> {});
          PaymentIntent stopped = pay(payment(terminal(target.cancellingTid()), "2.00", "13"));
          expectResult(stopped, IntentResult.CANCELLED);
        });
  }

  @Test
  @Order(14)
  void scenario14_saleOf9_99EurDeclinedByTheHost() {
    step(
        14,
        "Sale of 9.99 EUR, declined by the host",
        null,
        () -> {
          PaymentIntent declined = pay(payment(till, "9.99", "14"));
          expectResult(declined, IntentResult.DECLINED);
        });
  }

  @Test
  @Order(15)
  void scenario15_saleOf22_22EurApprovedAfter150sWithoutTimingOut() {
    step(
        15,
        "Sale of 22.22 EUR, approved after 150 s without timing out",
        null,
        () -> {
          Instant asked = target.clock.instant();
          PaymentIntent paid = pay(payment(till, "22.22", "15"));
          expectResult(paid, IntentResult.APPROVED);
          Duration took = Duration.between(asked, target.clock.instant());
          expect(took.getSeconds() >= 150, "approved after 150 s or more, was " + took);
        });
  }

  @Test
  @Order(16)
  void scenario16_saleOf13_13EurWhoseLinkIsLostDuringApprovalIsRecoveredByPolling() {
    step(
        16,
        "Sale of 13.13 EUR whose link is lost during approval, found by polling",
        null,
        () -> {
          PaymentIntent paid = pay(payment(till, "13.13", "16"));
          expectResult(paid, IntentResult.APPROVED);
          if (target.isFake()) {
            expectEqual(
                1L,
                target.fake.fake().intentsUnder(ref("16") + "-A1"),
                "creates the fake received for it (never sent twice)");
          }
        });
  }

  @Test
  @Order(17)
  void scenario17_settlementListsPreloadedRefundsAndPreAuthorisations() {
    step(
        17,
        "Settlement: preloaded, refunds and pre-authorisations listed",
        null,
        () -> {
          target.letTheListingCatchUp();
          List<PaymentIntent> day = client.intents(till, today());
          java.util.Set<TransactionType> kinds =
              day.stream().map(PaymentIntent::kind).collect(Collectors.toSet());
          expect(
              kinds.containsAll(
                  java.util.EnumSet.of(
                      TransactionType.SALE,
                      TransactionType.REFUND,
                      TransactionType.PRE_AUTHORISATION,
                      TransactionType.PRE_AUTH_COMPLETION,
                      TransactionType.MAIL_ORDER)),
              "the day lists sales, refunds, pre-authorisations, completions, mail orders: "
                  + kinds);
          expect(
              day.stream().anyMatch(i -> i.providerReference().equals(ref("08") + "-A1")),
              "the day lists the preloaded payment");
        });
  }

  @Test
  @Order(18)
  void scenario18_batchCloseOnThePosTheErpGetsResult7UntilItIsDone() {
    String person = "close the batch on the POS; the ERP gets result 7 until it is done";
    step(
        18,
        "Batch close on the POS: result 7 until it is done",
        person,
        () -> {
          Terminal batched = terminal(target.batchTid());
          if (target.isFake()) {
            for (int i = 1; i <= FakeTerminals.BATCH_LIMIT; i++) {
              expect(
                  pay(payment(batched, "1.00", "18-" + i)).isApproved(),
                  "pay(payment(batched, '1.00', '18-' + i)).isApproved()");
            }
          } else {
            target.person("start closing the batch on the POS, and leave it running", () -> {});
          }
          expectEqual(
              java.util.Optional.of(7),
              pay(payment(batched, "1.00", "18-4")).resultCode(),
              "result code");
          target.person(
              "finish closing the batch", () -> target.fake.control().closeBatch(batched.tid()));
          expect(
              pay(payment(batched, "1.00", "18-4")).isApproved(),
              "pay(payment(batched, '1.00', '18-4')).isApproved()");
        });
  }

  @Test
  @Order(19)
  void scenario19_theDaysDifferencesBetweenErpAndPosAreEmpty() {
    step(
        19,
        "The day's differences between ERP and POS: none",
        null,
        () -> {
          target.letTheListingCatchUp();
          expectEqual(
              java.util.List.of(), client.reconcile(today()).discrepancies(), "the differences");
        });
  }
}
