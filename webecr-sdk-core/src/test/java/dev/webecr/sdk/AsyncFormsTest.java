package dev.webecr.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * Every network operation of the client has an async form that runs on the client's executor (the
 * caller's thread is never used) and gives every error in the future.
 */
class AsyncFormsTest {
  private final ClientFixture fx = new ClientFixture();
  private final List<Runnable> queued = new ArrayList<>();
  private final Executor queueing = queued::add;

  @Test
  void everyAsyncFormRunsOnTheClientsExecutorNotOnTheCaller() {
    try (PosClient client = fx.clientBuilder().executor(queueing).build()) {
      CompletableFuture<ApiKey> key = client.pairAsync("12345678");
      assertThat(key).isNotDone();
      runQueued();
      CompletableFuture<List<Terminal>> terminals = client.terminalsAsync(key.join());
      runQueued();
      Terminal terminal = terminals.join().get(0);

      CompletableFuture<PaymentIntent> sale =
          client.payAsync(ClientFixture.sale(terminal, "INV-A", 2480));
      runUntilDone(sale);
      Period today =
          Period.of(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));

      CompletableFuture<PaymentIntent> refreshed = client.refreshAsync(sale.join());
      CompletableFuture<List<PaymentIntent>> listed = client.intentsAsync(terminal, today);
      CompletableFuture<ReconciliationReport> reconciled = client.reconcileAsync(today);
      CompletableFuture<RecoveryReport> recovered = client.recoverAsync();
      assertThat(List.of(refreshed, listed, reconciled, recovered)).allMatch(f -> !f.isDone());
      runQueued();

      assertThat(refreshed.join().isApproved()).isTrue();
      assertThat(listed.join())
          .extracting(PaymentIntent::providerReference)
          .containsExactly("INV-A-A1");
      assertThat(reconciled.join().discrepancies()).isEmpty();
      assertThat(recovered.join().settled()).isEmpty();
      assertThat(recovered.join().inDoubt()).isEmpty();
    }
  }

  @Test
  void argumentAndProviderErrorsArriveInTheFutureNotThrownAtTheCaller() {
    try (PosClient client = fx.client()) {
      CompletableFuture<ApiKey> badCode = client.pairAsync("12ab");
      assertThat(badCode).isCompletedExceptionally();
      assertThat(cause(badCode))
          .isInstanceOfSatisfying(
              InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("redeemCode"));

      PaymentIntent sale = client.pay(fx.sale("INV-B", 100));
      fx.provider.unreachable = true;
      CompletableFuture<PaymentIntent> down = client.refreshAsync(sale);
      assertThat(cause(down)).isInstanceOf(ConnectionException.class);
    }
  }

  private void runQueued() {
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
  }

  private void runUntilDone(CompletableFuture<?> f) {
    for (int i = 0; i < 1000 && !f.isDone(); i++) {
      runQueued();
    }
    assertThat(f).isDone();
  }

  private static Throwable cause(CompletableFuture<?> f) {
    try {
      f.join();
      throw new AssertionError("completed normally");
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
