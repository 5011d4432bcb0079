package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.spi.AttemptLookup;
import dev.webecr.sdk.spi.Capability;
import dev.webecr.sdk.spi.CreateIntentCommand;
import dev.webecr.sdk.spi.PosProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The ERP's own small executor: a create that waits server-side holds a thread for the whole card
 * dialogue, so waits may take at most half the pool; every other till's create still leaves while
 * those dialogues run (with every thread waiting, none would, until some dialogue ended).
 */
class ServerWaitThreadsTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final CountDownLatch dialoguesEnd = new CountDownLatch(1);

  @AfterEach
  void stop() {
    dialoguesEnd.countDown();
    pool.shutdownNow();
    timer.shutdownNow();
  }

  @Test
  void withAFourThreadPoolEveryCreateLeavesWhileTwoDialoguesHoldTheirWaits() throws Exception {
    Clock clock = Clock.systemUTC();
    ScriptedProvider scripted = new ScriptedProvider(clock, Capability.SERVER_SIDE_WAIT);
    List<Duration> waits = new CopyOnWriteArrayList<>();
    CountDownLatch allCreated = new CountDownLatch(6);
    PosProvider dialogues = new WaitingProvider(scripted, waits, allCreated, dialoguesEnd);
    try (PosClient client =
        PosClient.builder()
            .provider(dialogues)
            .journal(Journals.inMemory())
            .clock(clock)
            .scheduler(timer)
            .executor(pool)
            .build()) {
      List<CompletableFuture<PaymentIntent>> paying = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Terminal t = ScriptedProvider.terminal(String.valueOf(21_000_000 + i));
        paying.add(client.payAsync(ClientFixture.sale(t, "W-" + i, 1000)));
      }

      // bounded: fails, not hangs, if the waits took every thread
      assertThat(allCreated.await(10, TimeUnit.SECONDS))
          .as("every create left while the dialogues waited")
          .isTrue();
      assertThat(waits.stream().filter(w -> !w.isZero()).count())
          .as("creates that asked to wait server-side")
          .isEqualTo(2);

      dialoguesEnd.countDown();
      for (CompletableFuture<PaymentIntent> p : paying) {
        assertThat(p.get(10, TimeUnit.SECONDS).isApproved()).isTrue();
      }
    }
  }

  /** The scripted provider, whose creates that asked to wait block until the dialogues end. */
  private static final class WaitingProvider implements PosProvider {
    private final ScriptedProvider scripted;
    private final List<Duration> waits;
    private final CountDownLatch created;
    private final CountDownLatch dialoguesEnd;

    WaitingProvider(
        ScriptedProvider scripted,
        List<Duration> waits,
        CountDownLatch created,
        CountDownLatch dialoguesEnd) {
      this.scripted = scripted;
      this.waits = waits;
      this.created = created;
      this.dialoguesEnd = dialoguesEnd;
    }

    @Override
    public String id() {
      return scripted.id();
    }

    @Override
    public Set<Capability> capabilities() {
      return scripted.capabilities();
    }

    @Override
    public PaymentIntent create(CreateIntentCommand command) {
      waits.add(command.serverWait());
      created.countDown();
      if (!command.serverWait().isZero()) {
        Latches.await(dialoguesEnd);
      }
      return scripted.create(command);
    }

    @Override
    public Optional<PaymentIntent> findAttempt(Terminal terminal, AttemptLookup attempt) {
      return scripted.findAttempt(terminal, attempt);
    }

    @Override
    public PaymentIntent getAttempt(Terminal terminal, AttemptLookup attempt) {
      return scripted.getAttempt(terminal, attempt);
    }
  }
}
