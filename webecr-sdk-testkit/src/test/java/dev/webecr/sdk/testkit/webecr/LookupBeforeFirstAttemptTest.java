package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.TransactionType;
import dev.webecr.sdk.spi.JournalPhase;
import dev.webecr.sdk.testkit.InjectedFault;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Before the first attempt of a reference its journal does not know, a client asks the provider for
 * that reference's attempts and adopts what it finds: another till's payment (a journal of its
 * own), or one paid before a reinstall, is returned, not charged again.
 */
class LookupBeforeFirstAttemptTest {
  private final StrictFake f = new StrictFake();

  @AfterEach
  void stop() {
    f.close();
  }

  private static PaymentRequest sale(Terminal t, long cents, String reference) {
    return PaymentRequest.builder()
        .terminal(t)
        .amount(Money.euroCents(cents))
        .reference(reference)
        .build();
  }

  @Test
  void aSecondTillPayingAReferenceAlreadyApprovedAdoptsItAndSendsNothing() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    PaymentIntent first = f.pay(t, 1500, "DOC-ADOPT");
    f.advance(Duration.ofSeconds(10)); // past the listing lag: the other till can see it

    PaymentIntent adopted;
    try (PosClient otherTill = f.anotherTill(null)) {
      adopted = otherTill.pay(sale(t, 1500, "DOC-ADOPT"));
    }

    assertThat(adopted.id()).isEqualTo(first.id());
    assertThat(adopted.isApproved()).isTrue();
    assertThat(f.fake().creates()).isEqualTo(1);
  }

  @Test
  void aReferencePaidBeforeAReinstallIsAdoptedFromTheProvider() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    FakeTerminal device = f.fake().terminal(t.tid());
    // paid before a reinstall: nothing in this journal knows it
    f.fake().create(device, TransactionType.SALE, 0, 1500, 978, "DOC-LOST-A1", null, null, null);
    f.advance(Duration.ofSeconds(10));

    PaymentIntent paid = f.pay(t, 1500, "DOC-LOST");

    assertThat(paid.providerReference()).isEqualTo("DOC-LOST-A1");
    assertThat(paid.isApproved()).isTrue();
    assertThat(f.fake().creates()).isEqualTo(1);
    assertThat(f.journal.latest("DOC-LOST-A1").orElseThrow().phase())
        .isEqualTo(JournalPhase.SETTLED);
  }

  @Test
  void aReferenceTheProviderHoldsForAnotherAmountIsRefusedNamingTheReference() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    FakeTerminal device = f.fake().terminal(t.tid());
    f.fake().create(device, TransactionType.SALE, 0, 700, 978, "DOC-OTHER-A1", null, null, null);
    f.advance(Duration.ofSeconds(10));

    assertThatThrownBy(() -> f.pay(t, 1500, "DOC-OTHER"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("reference"));
    assertThat(f.fake().creates()).isEqualTo(1);
  }

  @Test
  void aDeclinedAttemptOfAnotherTillIsAdoptedAndTheNextAttemptNumberIsSent() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    FakeTerminal device = f.fake().terminal(t.tid());
    f.fake().create(device, TransactionType.SALE, 0, 1591, 978, "DOC-NEXT-A1", null, null, null);
    f.advance(Duration.ofSeconds(10)); // declined (x.91), and listed

    PaymentIntent paid = f.pay(t, 1591, "DOC-NEXT");

    assertThat(paid.providerReference()).isEqualTo("DOC-NEXT-A2");
    assertThat(f.fake().intentsUnder("DOC-NEXT-A1")).isEqualTo(1);
  }

  @Test
  void aProviderThatCannotBeAskedStopsThePaymentWithNothingSent() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.server.faultsAtRandom(new Random(3), 1.0, List.of(InjectedFault.status(503, null)));

    assertThatThrownBy(() -> f.pay(t, 1500, "DOC-DOWN"))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse())
        .hasMessageContaining("nothing was sent")
        .hasMessageNotContaining("nothing was charged");
    f.server.noRandomFaults();
    assertThat(f.fake().creates()).isZero();
    assertThat(f.journal.attempts("DOC-DOWN")).isEmpty();
  }

  @Test
  void optingOutSendsWithoutAskingAndSoChargesTwice() {
    Terminal t = f.terminal(TerminalProfile.APPROVE);
    f.pay(t, 1500, "DOC-OPT");
    f.advance(Duration.ofSeconds(10));

    // the documented risk, on purpose
    try (PosClient careless = f.anotherTill(null, b -> b.lookupBeforeFirstAttempt(false))) {
      careless.pay(sale(t, 1500, "DOC-OPT"));
    }

    assertThat(f.fake().approvalsByReference()).containsEntry("DOC-OPT-A1", 2);
  }
}
