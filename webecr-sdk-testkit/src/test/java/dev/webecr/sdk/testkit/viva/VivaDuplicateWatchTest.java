package dev.webecr.sdk.testkit.viva;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * When a charge is doubled anyway on Viva, the SDK finds it and gives it back (viva-cloud-terminal
 * §14, assumption 2 of the notes): a create whose answer was lost and that Viva keeps only 10
 * minutes later is called not found after the settle window, the ERP pays again, both are charged;
 * the duplicate watch finds the late one and refunds it (Viva has no void), through the SPI alone.
 */
class VivaDuplicateWatchTest {
  @Test
  void aLateCommittedSaleThatChargedTwiceIsFoundAndRefunded() throws Exception {
    List<Discrepancy> told = new CopyOnWriteArrayList<>();
    try (VivaTill till = new VivaTill();
        PosClient client =
            till.clientBuilder(Journals.inMemory(), till.steps)
                .onDiscrepancy(told::add)
                .paymentDeadline(Duration.ofSeconds(300))
                .build()) {
      Terminal t = till.terminal(FakeVivaTerminal.APPROVE);
      till.fake.nextCreateCommitsLate(Duration.ofMinutes(10));
      Instant start = till.clock.instant();

      CompletableFuture<PaymentIntent> first = client.payAsync(VivaTill.sale(t, 3300, "DUP-1"));
      till.steps.runUntil(() -> true, first::isDone);
      assertThat(first)
          .isCompletedExceptionally()
          .failsWithin(Duration.ZERO)
          .withThrowableThat()
          .havingRootCause()
          .isInstanceOfSatisfying(
              ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse());
      CompletableFuture<PaymentIntent> again = client.payAsync(VivaTill.sale(t, 3300, "DUP-1"));
      till.steps.runUntil(() -> true, again::isDone);
      assertThat(again.join().isApproved()).isTrue();
      assertThat(again.join().id()).isEqualTo("DUP-1-A2");

      // the day goes on: the watch looks for the attempt called not found, later and later
      Instant dayEnds = start.plus(Duration.ofHours(3));
      till.steps.runUntil(
          () -> true,
          () ->
              !told.isEmpty() && told.get(0).reversal().isPresent()
                  || !till.clock.instant().isBefore(dayEnds));

      assertThat(told).extracting(Discrepancy::kind).contains(Discrepancy.Kind.DUPLICATE_APPROVAL);
      // the ERP is told it was given back, and how: no void at Viva, a refund of the whole sale
      assertThat(told)
          .anySatisfy(
              d ->
                  assertThat(d.reversal())
                      .get()
                      .satisfies(
                          r -> {
                            assertThat(r.isApproved()).isTrue();
                            assertThat(r.kind()).isEqualTo(dev.webecr.sdk.TransactionType.REFUND);
                          }));
      List<FakeVivaCharge> ledger = till.fake.ledger();
      List<String> sales =
          ledger.stream()
              .filter(c -> c.kind().equals("sale"))
              .map(FakeVivaCharge::sessionId)
              .collect(Collectors.toList());
      List<FakeVivaCharge> refunds =
          ledger.stream().filter(c -> c.kind().equals("refund")).collect(Collectors.toList());
      assertThat(sales).containsExactlyInAnyOrder("DUP-1-A1", "DUP-1-A2");
      assertThat(refunds)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.parentSessionId()).contains("DUP-1-A1");
                assertThat(r.amountCents()).isEqualTo(3300);
              });
      assertThat(till.fake.posts("DUP-1-A1")).isEqualTo(1); // never sent again
    }
  }
}
