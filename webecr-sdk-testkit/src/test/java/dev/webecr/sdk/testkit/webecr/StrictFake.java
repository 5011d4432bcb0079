package dev.webecr.sdk.testkit.webecr;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.PosClientBuilder;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.spi.PosProvider;
import dev.webecr.sdk.testkit.TestClock;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.testkit.VirtualTimeScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The real stack (PosClient, Mellon provider, OkHttp) against the strict fake server, on virtual
 * time: everything a never-twice test needs, closed in one call.
 */
final class StrictFake implements AutoCloseable {
  final TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:00Z"));
  final FakeWebEcrServer server = FakeWebEcrServer.builder().clock(clock).build().start();
  final PosProvider mellon =
      MellonProvider.create(
          server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock)).build(), clock);
  final TestSigner signer = new TestSigner(clock);

  /**
   * A scheduler whose tasks wait until a test runs them ({@link #settle}): for clients given it
   * with {@code b.scheduler(f.steps)}, so that background work (the duplicate watch) runs when the
   * test says, not inside the call that armed it.
   */
  final VirtualTimeScheduler steps = VirtualTimeScheduler.stepped(clock);

  final IntentJournal journal;
  final PosClient client;

  StrictFake() {
    this(Journals.inMemory(), b -> b);
  }

  StrictFake(IntentJournal journal, UnaryOperator<PosClientBuilder> options) {
    this(journal, false, options);
  }

  /** {@code stepped}: the client runs on {@link #steps}, whose tasks wait for the test. */
  StrictFake(IntentJournal journal, boolean stepped, UnaryOperator<PosClientBuilder> options) {
    this.journal = journal;
    this.client =
        options
            .apply(
                PosClient.builder()
                    .provider(mellon)
                    .journal(journal)
                    .signer(signer)
                    .clock(clock)
                    .scheduler(stepped ? steps : new VirtualTimeScheduler(clock))
                    .executor(Runnable::run))
            .build();
  }

  /**
   * Another till on the same clock and fake, with a journal of its own: it knows nothing of this
   * one's payments. {@code resourceUrl} may point it elsewhere (null: this fake). Close it.
   */
  PosClient anotherTill(String resourceUrl) {
    return anotherTill(resourceUrl, b -> b);
  }

  /** {@link #anotherTill(String)} with {@code options} of its own. */
  PosClient anotherTill(String resourceUrl, UnaryOperator<PosClientBuilder> options) {
    dev.webecr.sdk.mellon.MellonConfig.Builder config =
        server.mellonConfig().retryScheduler(new VirtualTimeScheduler(clock));
    if (resourceUrl != null) {
      config.resourceUrl(resourceUrl);
    }
    return options
        .apply(
            PosClient.builder()
                .provider(MellonProvider.create(config.build(), clock))
                .journal(Journals.inMemory())
                .signer(new TestSigner(clock))
                .clock(clock)
                .scheduler(new VirtualTimeScheduler(clock))
                .executor(Runnable::run))
        .build();
  }

  FakeWebEcr fake() {
    return server.fake();
  }

  Terminal terminal(TerminalProfile profile) {
    String tid = FakeTerminals.tidOf(profile);
    return client.terminals(client.pair(FakeTerminals.REDEEM_CODE)).stream()
        .filter(t -> t.tid().equals(tid))
        .findFirst()
        .orElseThrow();
  }

  PaymentIntent pay(Terminal t, long cents, String reference) {
    return client.pay(
        PaymentRequest.builder()
            .terminal(t)
            .amount(Money.euroCents(cents))
            .reference(reference)
            .build());
  }

  /** Runs the {@link #steps} scheduler's tasks in due order until {@code done}. */
  void runUntil(java.util.function.BooleanSupplier done) {
    try {
      steps.runUntil(() -> true, done);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code future}'s outcome, running the {@link #steps} scheduler until it has one. */
  <T> T settle(java.util.concurrent.CompletableFuture<T> future) {
    runUntil(future::isDone);
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    }
  }

  void advance(Duration d) {
    clock.advance(d);
  }

  @Override
  public void close() {
    client.close();
    mellon.close();
    server.close();
  }
}
