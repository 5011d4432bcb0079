package dev.webecr.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.Discrepancy;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.Period;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.ReconciliationReport;
import dev.webecr.sdk.Terminal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A customer charged twice under one ERP reference is found by {@code reconcile()} and reported as
 * {@link Discrepancy.Kind#DUPLICATE_APPROVAL}, the approval the ERP was told of kept: two tills
 * with journals of their own paying one reference, and an attempt called not sent that the backend
 * committed after the settle window.
 */
class DuplicateApprovalsTest {
  private final StrictFake f =
      new StrictFake(Journals.inMemory(), b -> b.serverWait(Duration.ZERO));

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void twoTillsPayingOneReferenceAreReportedAsADuplicateApproval() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    PaymentIntent first = f.pay(t, 1800, "DOC-2T");
    PaymentIntent second;
    try (PosClient otherTill = f.anotherTill(null)) {
      second =
          otherTill.pay(
              PaymentRequest.builder()
                  .terminal(t)
                  .amount(Money.euroCents(1800))
                  .reference("DOC-2T")
                  .build());
    }
    f.advance(Duration.ofMinutes(1));

    ReconciliationReport report = f.client.reconcile(Period.of(from, f.clock.instant()));

    assertThat(first.isApproved()).isTrue();
    assertThat(second.isApproved()).isTrue();
    assertThat(report.discrepancies())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Discrepancy.Kind.DUPLICATE_APPROVAL);
              assertThat(d.intent()).get().extracting(PaymentIntent::id).isEqualTo(second.id());
              assertThat(d.journalSays()).contains("DOC-2T-A1");
            });
  }

  @Test
  void anAttemptCommittedAfterItsWindowIsReportedAsTheDuplicateAndTheToldOneKept() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    Instant from = f.clock.instant();
    // the backend commits 10 minutes after the gateway's 504: beyond any window the SDK keeps
    f.fake().behaviour().lateCommit(Duration.ofSeconds(70), Duration.ofMinutes(10));
    Throwable notSent = catchThrowable(() -> f.pay(t, 2600, "DOC-LC"));
    f.fake().behaviour().lateCommit(null, null);
    PaymentIntent told = f.pay(t, 2600, "DOC-LC");
    f.advance(Duration.ofMinutes(20));

    ReconciliationReport report = f.client.reconcile(Period.of(from, f.clock.instant()));

    assertThat(notSent).isInstanceOf(ConnectionException.class);
    assertThat(told.providerReference()).isEqualTo("DOC-LC-A2");
    assertThat(f.fake().approvalsByReference())
        .containsEntry("DOC-LC-A1", 1)
        .containsEntry("DOC-LC-A2", 1);
    assertThat(report.discrepancies())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Discrepancy.Kind.DUPLICATE_APPROVAL);
              assertThat(d.providerReference()).isEqualTo("DOC-LC-A1");
              assertThat(d.journalSays()).contains("DOC-LC-A2");
            });
  }
}
