package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.ProviderSignature;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.PaymentSigner;
import dev.webecr.sdk.spi.SignatureOutcome;
import dev.webecr.sdk.spi.SigningRequest;
import dev.webecr.sdk.testkit.TestSigner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The SDK's log lines carry the payment they are about (SLF4J MDC: provider, TID, reference,
 * attempt), on the threads its work runs on, and leave nothing behind: seen from inside that work
 * (the signer is called there) and from the test's own thread afterwards.
 */
class LogContextTest {
  private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
  private StrictFake f;

  @AfterEach
  void stop() {
    f.close();
    MDC.clear();
  }

  @Test
  void theSignerSeesThePaymentsKeysWhenSigningAndWhenToldTheOutcome() {
    f =
        new StrictFake(
            Journals.inMemory(),
            true,
            b ->
                b.serverWait(Duration.ZERO)
                    .signer(recording(new TestSigner(java.time.Clock.systemUTC()))));
    MDC.put("erp.user", "till-7"); // the ERP's own key survives the SDK's work
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    CompletableFuture<PaymentIntent> paying =
        f.client.payAsync(
            PaymentRequest.builder()
                .terminal(t)
                .amount(Money.euroCents(1200))
                .reference("LOG-1")
                .build());
    f.runUntil(paying::isDone); // the outcome is told from a poll, on the scheduler's steps

    assertThat(paying.join().isApproved()).isTrue();
    assertThat(seen).hasSize(2);
    assertThat(seen)
        .allSatisfy(
            m ->
                assertThat(m)
                    .containsEntry("webecr.reference", "LOG-1")
                    .containsEntry("webecr.tid", t.tid())
                    .containsEntry("webecr.provider", "mellon")
                    .containsEntry("erp.user", "till-7"));
    assertThat(seen.get(1)).containsEntry("webecr.attempt", "LOG-1-A1");
    assertThat(MDC.get("webecr.reference")).isNull();
    assertThat(MDC.get("erp.user")).isEqualTo("till-7");
  }

  @Test
  void theDuplicateWatchTellsALateApprovalWithTheAttemptsKeys() {
    List<Map<String, String>> told = new CopyOnWriteArrayList<>();
    f =
        new StrictFake(
            Journals.inMemory(),
            true,
            b ->
                b.serverWait(Duration.ZERO)
                    .onDiscrepancy(d -> told.add(MDC.getCopyOfContextMap())));
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    // committed 10 minutes after its gateway gave up: called not sent, then found by the watch
    f.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofMinutes(10));
    CompletableFuture<PaymentIntent> lost =
        f.client.payAsync(
            PaymentRequest.builder()
                .terminal(t)
                .amount(Money.euroCents(1300))
                .reference("LOG-2")
                .build());
    f.runUntil(lost::isDone);
    f.fake().behaviour().lateCommit(null, null);
    assertThat(lost).isCompletedExceptionally();

    f.runUntil(() -> !told.isEmpty());

    assertThat(told.get(0))
        .containsEntry("webecr.reference", "LOG-2")
        .containsEntry("webecr.attempt", "LOG-2-A1")
        .containsEntry("webecr.tid", t.tid());
    assertThat(MDC.get("webecr.attempt")).isNull();
  }

  private PaymentSigner recording(PaymentSigner signer) {
    return new PaymentSigner() {
      @Override
      public ProviderSignature sign(SigningRequest request) {
        seen.add(MDC.getCopyOfContextMap());
        return signer.sign(request);
      }

      @Override
      public void onOutcome(SigningRequest request, SignatureOutcome outcome) {
        seen.add(MDC.getCopyOfContextMap());
      }
    };
  }
}
