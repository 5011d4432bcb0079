package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.Health;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.testkit.InjectedFault;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code PosClient.health()}: what operations watch, from the journal and the provider calls. */
class HealthTest {
  private StrictFake f;

  @AfterEach
  void stop() {
    f.close();
  }

  private PaymentRequest sale(Terminal t, String reference) {
    return PaymentRequest.builder()
        .terminal(t)
        .amount(Money.euroCents(1500))
        .reference(reference)
        .build();
  }

  @Test
  void aRunningPaymentThenOneInDoubtThenOneForAPersonAreCountedApart() {
    // polled, not waited for server-side: the payment is still running when the test looks
    f =
        new StrictFake(
            Journals.inMemory(),
            true,
            b -> b.paymentDeadline(Duration.ofSeconds(60)).serverWait(Duration.ZERO));
    Health idle = f.client.health();
    assertThat(idle.running()).isZero();
    assertThat(idle.inDoubt()).isZero();
    assertThat(idle.lastProviderSuccess()).isEmpty();

    Terminal silent = f.terminal(TerminalProfile.NO_ANSWER);
    CompletableFuture<PaymentIntent> paying = f.client.payAsync(sale(silent, "H-1"));
    Health running = f.client.health();
    f.runUntil(paying::isDone);
    Health afterDeadline = f.client.health();

    assertThat(running.running()).isEqualTo(1);
    assertThat(running.inDoubt()).isZero(); // followed by its pay call, not recovery's yet
    assertThat(running.lastProviderSuccess()).isPresent();
    assertThat(paying).isCompletedExceptionally();
    assertThatThrownBy(paying::join).hasCauseInstanceOf(OutcomeUnknownException.class);
    assertThat(afterDeadline.running()).isZero();
    assertThat(afterDeadline.inDoubt()).isEqualTo(1);
    assertThat(afterDeadline.needsAttention()).isZero();
    assertThat(afterDeadline.oldestInDoubt()).get().matches(d -> d.getSeconds() >= 60);

    for (int run = 0; run < 3; run++) {
      f.advance(Duration.ofHours(7)); // past every back-off
      f.settle(CompletableFuture.supplyAsync(f.client::recover)); // its reads run on the steps
    }
    Health later = f.client.health();
    assertThat(later.inDoubt()).isEqualTo(1);
    assertThat(later.needsAttention()).isEqualTo(1);
    assertThat(later.oldestInDoubt()).get().matches(d -> d.toHours() >= 21);
    assertThat(later.toString()).doesNotContain("H-1").doesNotContain(silent.tid());
  }

  @Test
  void aProviderCallThatFailsIsDatedApartFromTheLastAnswer() {
    f = new StrictFake(Journals.inMemory(), b -> b);
    f.terminal(TerminalProfile.APPROVE); // pairs: the provider answered
    Instant answered = f.client.health().lastProviderSuccess().orElseThrow();
    f.advance(Duration.ofSeconds(30));
    f.server.inject(Endpoint.TERMINALS, InjectedFault.status(400, null));

    assertThatThrownBy(() -> f.client.terminals(dev.webecr.sdk.ApiKey.of("fake-key-unknown")))
        .isInstanceOf(dev.webecr.sdk.PosException.class);
    Health h = f.client.health();

    assertThat(h.lastProviderFailure()).contains(f.clock.instant());
    assertThat(h.lastProviderSuccess()).contains(answered);
  }
}
