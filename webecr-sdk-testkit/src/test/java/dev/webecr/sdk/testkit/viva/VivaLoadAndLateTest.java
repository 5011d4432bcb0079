package dev.webecr.sdk.testkit.viva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ReconciliationReport;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.viva.VivaProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A hundred terminals at once against the fake's rate limits, and a session whose result Viva
 * changes after the fact (viva-cloud-terminal §18 #19, #22).
 */
class VivaLoadAndLateTest {
  @Test
  void aHundredTerminalsPayAtOnceWithinTheRateLimitsAndEachIsChargedOnce() throws Exception {
    try (VivaTill till = new VivaTill()) {
      try (PosClient client =
          till.clientBuilder(dev.webecr.sdk.Journals.inMemory(), till.steps).build()) {
        List<CompletableFuture<PaymentIntent>> paying = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          String id = String.valueOf(17_000_000 + i); // not a magic terminal: approves after 3 s
          Terminal t = Terminal.builder().providerId(VivaProvider.ID).tid(id).callId(id).build();
          paying.add(client.payAsync(VivaTill.sale(t, 2000 + i, "LOAD-" + i)));
        }
        till.steps.runUntil(() -> true, () -> paying.stream().allMatch(CompletableFuture::isDone));

        assertThat(paying).allSatisfy(p -> assertThat(p.join().isApproved()).isTrue());
        for (int i = 0; i < 100; i++) {
          assertThat(till.fake.posts("LOAD-" + i + "-A1")).isEqualTo(1);
          assertThat(till.fake.charges("LOAD-" + i + "-A1")).isEqualTo(1);
        }
        // 200 requests at once against 20 a second: the SDK's own pacing (10 a second) kept under
        // the fake's limit, so no create met a 429 it could not tell from a create Viva took
        assertThat(till.fake.rateLimits().accountRefusals()).isZero();
        assertThat(till.fake.rateLimits().sessionRefusals()).isZero();
        assertThat(till.fake.rateLimits().retryAfterIgnored()).isZero();
      }
    }
  }

  @Test
  void aGenericFailureThatVivaLaterCallsPaidIsInDoubtFirstThenSettledApprovedByRecovery() {
    try (VivaTill till = new VivaTill(b -> b.lateFlip(Duration.ofMinutes(10)), b -> b, b -> b)) {
      Instant start = till.clock.instant();

      assertThatThrownBy(() -> till.pay(FakeVivaTerminal.APPROVE, 1099, "FLIP-1"))
          .isInstanceOf(OutcomeUnknownException.class); // 1099 cannot be placed: not "nothing"
      till.clock.advance(Duration.ofMinutes(15));
      RecoveryReport recovered = till.client.recover();
      ReconciliationReport reconciled =
          till.client.reconcile(Period.of(start, till.clock.instant()));

      assertThat(recovered.settled())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.id()).isEqualTo("FLIP-1-A1");
                assertThat(p.isApproved()).isTrue();
              });
      assertThat(reconciled.discrepancies())
          .extracting(Discrepancy::kind)
          .doesNotContain(Discrepancy.Kind.RESULT_DIFFERS);
      assertThat(till.fake.posts("FLIP-1-A1")).isEqualTo(1);
    }
  }
}
