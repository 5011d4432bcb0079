package dev.webecr.sdk.testkit.viva;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import dev.webecr.sdk.viva.VivaWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake posts Viva's webhooks itself, worst case by default: before the create's answer, twice,
 * every 15th lost, a stray 1803 after an approval (viva-cloud-terminal §17 #12, #13; §18 #7–#9).
 * Whatever comes, one payment ends in one outcome, read from the session, and nothing is posted
 * twice.
 */
class VivaFakeWebhooksTest {
  private VivaTill till;
  private VirtualTimeScheduler steps;
  private PosClient client;
  private VivaWebhooks hooks;
  private final IntentJournal journal = Journals.inMemory();

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (till != null) {
      till.close();
    }
  }

  /** A till whose fake posts {@code events} to the ERP's hooks; reads every {@code poll}. */
  private void start(FakeVivaEvents events, Duration poll) {
    start(events, poll, Duration.ofSeconds(5));
  }

  private void start(FakeVivaEvents events, Duration poll, Duration visibilityLag) {
    till = new VivaTill(b -> b.events(events).visibilityLag(visibilityLag), b -> b, b -> b);
    steps = till.steps;
    client =
        till.clientBuilder(journal, steps)
            .pollSchedule(PollSchedule.fixed(Duration.ofMillis(250), poll))
            .build();
    hooks = VivaWebhooks.of(till.fake.webhooks().key(), "url-token-9", client);
    till.fake.webhooks().enable(target(hooks));
  }

  private static FakeVivaWebhookTarget target(VivaWebhooks hooks) {
    return new FakeVivaWebhookTarget() {
      @Override
      public String get() {
        return hooks.onGet("url-token-9").body();
      }

      @Override
      public int post(String body) {
        return hooks.onPost("url-token-9", body).status();
      }
    };
  }

  private PaymentIntent payAndRun(FakeVivaTerminal which, long cents, String reference)
      throws InterruptedException {
    Terminal t = till.terminal(which);
    CompletableFuture<PaymentIntent> paying = client.payAsync(VivaTill.sale(t, cents, reference));
    steps.runUntil(() -> true, paying::isDone);
    return paying.join();
  }

  @Test
  void anEventBeforeTheCreatesAnswerFindsNothingWaitingAndNothingIsPostedTwice()
      throws InterruptedException {
    start(FakeVivaEvents.worstCase(), Duration.ofSeconds(1));

    PaymentIntent paid = payAndRun(FakeVivaTerminal.APPROVE, 1240, "WF-1");

    assertThat(paid.isApproved()).isTrue();
    // the copy posted before the answer found no payment waiting: it was not a result
    assertThat(hooks.notWaiting()).isGreaterThanOrEqualTo(1);
    assertThat(till.fake.posts("WF-1-A1")).isEqualTo(1);
    assertThat(till.fake.charges("WF-1-A1")).isEqualTo(1);
  }

  @Test
  void withEveryEventLostPollingAloneSettlesThePayment() throws InterruptedException {
    start(FakeVivaEvents.worstCase().dropEvery(1), Duration.ofSeconds(1));

    PaymentIntent paid = payAndRun(FakeVivaTerminal.APPROVE, 990, "WL-1");
    steps.runUntil(() -> true, () -> steps.queued() == 0); // the events that were due

    assertThat(paid.isApproved()).isTrue();
    assertThat(till.fake.webhooks().dropped()).isPositive();
    assertThat(till.fake.webhooks().delivered()).isZero();
    assertThat(hooks.applied()).isZero();
  }

  @Test
  void anEventBringsTheReadForwardAndDuplicatesAndAStray1803NeverDowngradeTheApproval()
      throws InterruptedException {
    // kind variant: a session is readable at once (with the default 5 s of 404, an event at 3 s
    // brings forward a read that cannot see it yet, and the poll settles it)
    start(
        FakeVivaEvents.worstCase().copies(3).delay(Duration.ZERO).dropEvery(0),
        Duration.ofSeconds(20),
        Duration.ZERO);
    Instant start = till.clock.instant();

    PaymentIntent paid = payAndRun(FakeVivaTerminal.APPROVE, 2500, "WD-1"); // approves at 3 s
    Duration took = Duration.between(start, till.clock.instant());
    steps.runUntil(() -> true, () -> steps.queued() == 0);

    assertThat(paid.isApproved()).isTrue();
    assertThat(took)
        .as("settled by the event's read, not the 20 s poll")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(hooks.applied()).isEqualTo(1);
    assertThat(hooks.notWaiting()).isGreaterThanOrEqualTo(3); // two copies and the stray 1803
    assertThat(journal.latest("WD-1-A1").flatMap(e -> e.resultCode()))
        .contains(IntentResult.APPROVED.code());
    assertThat(till.fake.posts("WD-1-A1")).isEqualTo(1);
    assertThat(till.fake.rateLimits().sessionRefusals()).isZero();
  }

  @Test
  void theFakePostsNothingToAUrlThatDoesNotEchoTheKeyWhichTheMerchantFetches() {
    try (VivaTill plain = new VivaTill()) {
      VivaWebhooks wrongKey = VivaWebhooks.of("another-key", "t", plain.client);
      FakeVivaWebhookTarget target =
          new FakeVivaWebhookTarget() {
            @Override
            public String get() {
              return wrongKey.onGet("t").body();
            }

            @Override
            public int post(String body) {
              return wrongKey.onPost("t", body).status();
            }
          };
      assertThatThrownBy(() -> plain.fake.webhooks().enable(target))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining(plain.fake.webhooks().key());

      assertThat(plain.pay(FakeVivaTerminal.APPROVE, 700, "WK-1").isApproved()).isTrue();
      assertThat(wrongKey.applied() + wrongKey.notWaiting() + wrongKey.unreadable()).isZero();

      // the merchant's id and API key fetch the key; anything else is refused
      String keyUrl = plain.fake.url() + FakeVivaServer.KEY_PATH.substring(1);
      assertThat(VivaWebhooks.fetchKey(keyUrl, FakeVivaServer.MERCHANT_ID, FakeVivaServer.API_KEY))
          .isEqualTo(plain.fake.webhooks().key());
      assertThatThrownBy(() -> VivaWebhooks.fetchKey(keyUrl, FakeVivaServer.MERCHANT_ID, "guess"))
          .isInstanceOf(dev.webecr.sdk.AuthenticationException.class)
          .hasMessageNotContaining("guess");
    }
  }
}
