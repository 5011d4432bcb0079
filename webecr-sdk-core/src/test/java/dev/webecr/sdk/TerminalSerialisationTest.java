package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ScriptedProvider.Script;
import dev.webecr.sdk.spi.PaymentObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One card dialogue per terminal. These tests use real threads (the point is concurrency) but never
 * sleep: they wait on latches, and the provider's own counters are what is asserted.
 */
class TerminalSerialisationTest {
  private final ScriptedProvider provider = new ScriptedProvider(java.time.Clock.systemUTC());
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Terminal t1 = ScriptedProvider.terminal("11111111");
  private final Terminal t2 = ScriptedProvider.terminal("22222222");

  /** What the client's observers were told of busy terminals. */
  private final List<String> busy = new CopyOnWriteArrayList<>();

  private final PaymentObserver observer =
      new PaymentObserver() {
        @Override
        public void terminalBusy(String providerId, String cause) {
          busy.add(providerId + " " + cause);
        }
      };

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  private PosClientBuilder builder() {
    return PosClient.builder()
        .provider(provider)
        .journal(Journals.inMemory())
        .scheduler(scheduler)
        .executor(executor)
        .observer(observer)
        .pollSchedule(PollSchedule.of(Duration.ofMillis(1), 1.0, Duration.ofMillis(1)));
  }

  @Test
  void secondPaymentOnABusyTerminalFailsFastByDefault() throws Exception {
    CountDownLatch created = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    provider.script(
        "11111111",
        new Script()
            .with(
                s ->
                    s.onCreate =
                        () -> {
                          created.countDown();
                          Latches.await(release);
                        }));
    PosClient client = builder().build();
    CompletableFuture<PaymentIntent> first = client.payAsync(ClientFixture.sale(t1, "A", 100));
    assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> client.pay(ClientFixture.sale(t1, "B", 100)))
        .isInstanceOfSatisfying(
            TerminalInUseException.class, e -> assertThat(e.tid()).isEqualTo("11111111"));

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).isApproved()).isTrue();
    assertThat(provider.creates()).isEqualTo(1);
    assertThat(busy)
        .as("told the observers: held by this client's lane")
        .containsExactly("scripted lane");
  }

  @Test
  void paymentsOnOneTerminalWaitTheirTurnAndNeverOverlap() throws Exception {
    PosClient client = builder().terminalWait(Duration.ofMinutes(5)).build();
    CompletableFuture<?>[] runs = new CompletableFuture<?>[6];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = client.payAsync(ClientFixture.sale(t1, "S" + i, 100 + i));
    }

    CompletableFuture.allOf(runs).get(30, TimeUnit.SECONDS);

    assertThat(provider.creates()).isEqualTo(6);
    assertThat(provider.maxConcurrentDialogues("11111111")).isEqualTo(1);
  }

  @Test
  void paymentsOnTwoTerminalsRunAtTheSameTime() throws Exception {
    CountDownLatch bothCreated = new CountDownLatch(2);
    Runnable meet =
        () -> {
          bothCreated.countDown();
          Latches.await(bothCreated);
        };
    provider.script("11111111", new Script().with(s -> s.onCreate = meet));
    provider.script("22222222", new Script().with(s -> s.onCreate = meet));
    PosClient client = builder().build();

    CompletableFuture<PaymentIntent> a = client.payAsync(ClientFixture.sale(t1, "A", 100));
    CompletableFuture<PaymentIntent> b = client.payAsync(ClientFixture.sale(t2, "B", 100));

    assertThat(a.get(10, TimeUnit.SECONDS).isApproved()).isTrue();
    assertThat(b.get(10, TimeUnit.SECONDS).isApproved()).isTrue();
    assertThat(provider.maxConcurrentDialogues()).isEqualTo(2);
  }
}
