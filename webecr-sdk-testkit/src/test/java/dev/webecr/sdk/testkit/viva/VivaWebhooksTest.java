package dev.webecr.sdk.testkit.viva;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.viva.VivaWebhooks;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Viva's webhooks are hints: an event makes the client read the session now, and only that read
 * settles the payment; duplicates, strangers and forged posts change nothing (contract §13, §18
 * #7–#9).
 */
class VivaWebhooksTest {
  private final VivaTill till = new VivaTill();
  private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.stepped(till.clock);
  private final PosClient client = till.clientBuilder(Journals.inMemory(), scheduler).build();
  private final VivaWebhooks hooks = VivaWebhooks.of("viva-key-1", "url-token-1", client);

  @AfterEach
  void stop() {
    client.close();
    till.close();
  }

  private static String event(int type, String session, String terminal) {
    return "{\"EventTypeId\":"
        + type
        + ",\"EventData\":{\"SessionId\":\""
        + session
        + "\",\"TerminalId\":"
        + terminal
        + ",\"Success\":true,\"Amount\":40.0}}";
  }

  @Test
  void anEventMakesTheClientReadNowAndTheReadAloneSettlesThePayment() {
    Terminal t = till.terminal(FakeVivaTerminal.SLOW); // approves at 90 s
    CompletableFuture<PaymentIntent> paying = client.payAsync(VivaTill.sale(t, 4000, "WH-1"));
    assertThat(paying).isNotDone(); // its next read waits in the stepped scheduler

    // an early event (the terminal has not finished): the read it brings says "running"
    assertThat(hooks.onPost("url-token-1", event(1803, "WH-1-A1", t.callId())).status())
        .isEqualTo(200);
    assertThat(paying).isNotDone();
    till.clock.advance(Duration.ofSeconds(90));
    VivaWebhooks.Answer answer = hooks.onPost("url-token-1", event(1802, "WH-1-A1", t.callId()));

    assertThat(answer.body()).isEqualTo("{\"Key\":\"viva-key-1\"}");
    assertThat(paying).isCompletedWithValueMatching(PaymentIntent::isApproved);
    assertThat(hooks.applied()).isEqualTo(2);
    // a duplicate after the outcome: nothing waits, nothing changes
    hooks.onPost("url-token-1", event(1802, "WH-1-A1", t.callId()));
    assertThat(hooks.notWaiting()).isEqualTo(1);
    assertThat(till.fake.posts("WH-1-A1")).isEqualTo(1);
  }

  @Test
  void aForgedPostOrAnotherTerminalsEventReadsNothing() {
    Terminal t = till.terminal(FakeVivaTerminal.SLOW);
    CompletableFuture<PaymentIntent> paying = client.payAsync(VivaTill.sale(t, 4000, "WH-2"));
    till.clock.advance(Duration.ofSeconds(90));

    assertThat(hooks.onPost("guessed", event(1802, "WH-2-A1", t.callId())).status()).isEqualTo(404);
    hooks.onPost("url-token-1", event(1802, "WH-2-A1", "16000001"));
    hooks.onPost("url-token-1", "<html>not an event</html>");
    hooks.onPost("url-token-1", "{\"EventTypeId\":1796,\"EventData\":{}}");

    assertThat(paying).isNotDone();
    assertThat(hooks.badToken()).isEqualTo(1);
    assertThat(hooks.notWaiting()).isEqualTo(1);
    assertThat(hooks.unreadable()).isEqualTo(2);
    assertThat(hooks.onGet("url-token-1").body()).isEqualTo("{\"Key\":\"viva-key-1\"}");
    assertThat(hooks.onGet("guessed").status()).isEqualTo(404);
    assertThat(hooks.badToken()).isEqualTo(2);
    assertThat(hooks.toString()).doesNotContain("viva-key-1").doesNotContain("url-token-1");
  }

  @Test
  void withoutAnyEventPollingAloneSettlesThePayment() throws InterruptedException {
    Terminal t = till.terminal(FakeVivaTerminal.SLOW);
    CompletableFuture<PaymentIntent> paying = client.payAsync(VivaTill.sale(t, 4000, "WH-3"));

    scheduler.runUntil(() -> true, paying::isDone);

    assertThat(paying).isCompletedWithValueMatching(PaymentIntent::isApproved);
    assertThat(hooks.applied()).isZero();
  }

  @Test
  void theCashiersCancelAsksTheTerminalToStopAndTheReadsSayWhatHappened()
      throws InterruptedException {
    Terminal t = till.terminal(FakeVivaTerminal.APPROVE); // approves at 3 s
    CompletableFuture<PaymentIntent> paying = client.payAsync(VivaTill.sale(t, 900, "CX-1"));

    assertThat(client.cancel("CX-1")).isTrue();
    assertThat(client.cancel("CX-OTHER")).isFalse();
    scheduler.runUntil(() -> true, paying::isDone);

    // the fake ignores aborts by default, as Viva may: the approval that came is the outcome
    assertThat(till.fake.aborts("CX-1-A1")).isEqualTo(1);
    assertThat(paying).isCompletedWithValueMatching(PaymentIntent::isApproved);
  }

  @Test
  void aTerminalThatAcknowledgesTheCancelAndGoesOnIsReportedApprovedNotCancelled()
      throws InterruptedException {
    try (VivaTill strict =
        new VivaTill(b -> b.abortEffect(FakeVivaServer.AbortEffect.EFFECTIVE), b -> b, b -> b)) {
      VirtualTimeScheduler steps = VirtualTimeScheduler.stepped(strict.clock);
      try (PosClient till = strict.clientBuilder(Journals.inMemory(), steps).build()) {
        Terminal t = strict.terminal(FakeVivaTerminal.ACKNOWLEDGES_ABORT); // approves at 40 s
        java.time.Instant start = strict.clock.instant();
        CompletableFuture<PaymentIntent> paying = till.payAsync(VivaTill.sale(t, 2500, "CX-7"));
        steps.runUntil(() -> true, () -> !strict.clock.instant().isBefore(start.plusSeconds(5)));

        assertThat(till.cancel("CX-7")).isTrue(); // the cashier presses cancel at 5 s
        steps.runUntil(() -> true, paying::isDone);

        assertThat(paying).isCompletedWithValueMatching(PaymentIntent::isApproved);
        assertThat(paying.join().providerRecord()).get().asString().contains("abortAckTime");
        assertThat(strict.fake.aborts("CX-7-A1")).isEqualTo(1);
        assertThat(strict.fake.charges("CX-7-A1")).isEqualTo(1);
      }
    }
  }
}
