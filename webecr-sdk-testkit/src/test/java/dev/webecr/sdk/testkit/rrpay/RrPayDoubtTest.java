package dev.webecr.sdk.testkit.rrpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.rrpay.RrPayOutcome;
import dev.webecr.sdk.rrpay.RrPayProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RRPay and the SDK never both believe they have a request: RRPay takes a request by renaming it
 * out of the outbox, the SDK takes back only what RRPay has not taken, and calls a sale "not sent"
 * only once RRPay answers "not found". No file in the inbox can block the next sale. Real threads
 * and a real exchange folder; the tests wait for files, never for time.
 */
class RrPayDoubtTest {
  @TempDir Path root;
  private RrPayTill till;
  private FakeRrPay rrpayFake;
  private RrPayProvider provider;
  private PosClient client;

  @AfterEach
  void stop() {
    if (till != null) {
      till.close();
    }
    if (rrpayFake != null) {
      rrpayFake.close();
    }
  }

  /** A client whose RRPay acknowledges within {@code ack}, giving up after {@code deadline}. */
  private void open(Duration ack, Duration deadline) {
    till = new RrPayTill(root).open(ack, deadline);
    provider = till.provider;
    client = till.client;
  }

  private List<String> names(String folder) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(folder))) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private PaymentIntent pay(String reference, long cents) {
    return client.pay(RrPayEndToEndTest.sale(provider.terminal("POS1"), reference, cents));
  }

  @Test
  void rrpayNotRunningLeavesTheSaleInDoubtUntilRrPaySaysItNeverTookIt() throws IOException {
    FakeRrPay.foldersOnly(root);
    open(Duration.ofMillis(300), Duration.ofSeconds(1));

    assertThatThrownBy(() -> pay("K-6", 100)).isInstanceOf(OutcomeUnknownException.class);
    assertThat(names("outbox")).containsExactly("K-6-A1.status.json"); // the sale taken back

    rrpayFake = FakeRrPay.start(root); // RRPay starts and answers "not found"
    assertThatThrownBy(() -> pay("K-6", 100))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse())
        .hasMessageContaining("safe to pay again");
    PaymentIntent paid = pay("K-6", 100);

    assertThat(paid.providerReference()).isEqualTo("K-6-A2");
    assertThat(paid.isApproved()).isTrue();
    assertThat(rrpayFake.receipts()).isEqualTo(1);
  }

  @Test
  void whenRrPayTakesTheRequestAsTheSdkWithdrawsItExactlyOneWinsAndTheSdkKnowsWhich() {
    rrpayFake = FakeRrPay.start(root);
    rrpayFake.holdTaken(); // RRPay renames the sale out of the outbox, then stalls
    // the deadline leaves room for a loaded 2-core CI machine between the ack and the release
    // (2 s failed once there); the second half waits it out once, paused
    open(Duration.ofMillis(300), Duration.ofSeconds(5));
    CompletableFuture<PaymentIntent> taken =
        client.payAsync(RrPayEndToEndTest.sale(provider.terminal("POS1"), "K-RACE-1", 500));
    // past the ack window the SDK found the file gone and asked; RRPay answered "in progress"
    await(() -> Files.exists(root.resolve("done/K-RACE-1-A1.ack.json")));

    rrpayFake.releaseHeld();
    assertThat(taken.join().isApproved()).isTrue();
    assertThat(taken.join().providerReference()).isEqualTo("K-RACE-1-A1");

    rrpayFake.pause(); // now the SDK wins: RRPay takes nothing
    assertThatThrownBy(() -> pay("K-RACE-2", 500)).isInstanceOf(OutcomeUnknownException.class);
    assertThat(Files.exists(root.resolve("outbox/K-RACE-2-A1.sale.json"))).isFalse();
    rrpayFake.resume(); // RRPay never took A1: "not found"; the ERP pays again, as A2
    assertThatThrownBy(() -> pay("K-RACE-2", 500))
        .isInstanceOfSatisfying(
            ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isFalse());
    PaymentIntent second = pay("K-RACE-2", 500);

    assertThat(second.providerReference()).isEqualTo("K-RACE-2-A2");
    assertThat(rrpayFake.receipts()).isEqualTo(2); // K-RACE-1-A1 and K-RACE-2-A2, once each
  }

  @Test
  void aResultFileOfAnyContentNeverWedgesTheInbox() throws IOException {
    rrpayFake = FakeRrPay.start(root);
    open(Duration.ofSeconds(5), Duration.ofMillis(500));
    rrpayFake.nextOutcome(FakeRrPayOutcome.PRINTED_NO_ANSWER);
    assertThatThrownBy(() -> pay("K-W-1", 300)).isInstanceOf(OutcomeUnknownException.class);
    Path tmp = root.resolve("inbox/.K-W-1-A1.result.json.tmp"); // written whole, as RRPay does
    Files.writeString(
        tmp,
        "{\"version\":1,\"id\":\"K-W-1-A1\",\"outcome\":\"paid\","
            + "\"receipt\":{\"number\":123},\"tenders\":[{\"credit\":2,\"amount\":300}]}");
    Files.move(
        tmp,
        root.resolve("inbox/K-W-1-A1.result.json"),
        StandardCopyOption.ATOMIC_MOVE); // a number where text belongs

    assertThat(provider.result("K-W-1-A1")).isEmpty();
    assertThat(names("inbox")).isEmpty();
    assertThat(Files.readString(root.resolve("rejected/K-W-1-A1.result.json.reason.txt")))
        .contains("receipt.number is not text");
    assertThat(pay("K-W-2", 300).isApproved()).isTrue();
  }

  @Test
  void anF8CancelOfAPrintedSaleIsRefusedAndPointsToAReturn() throws IOException {
    rrpayFake = FakeRrPay.start(root);
    open(Duration.ofSeconds(5), Duration.ofSeconds(30));
    PaymentIntent paid = pay("K-F8-1", 700);

    assertThatThrownBy(() -> client.voidPayment(paid, "K-F8-1-VOID"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("original"))
        .hasMessageContaining("fiscal return");
    assertThat(names("outbox")).isEmpty(); // nothing sent to RRPay
    assertThat(provider.result(paid.id()).orElseThrow().outcome()).isEqualTo(RrPayOutcome.PAID);
  }

  @Test
  void recoverSettlesAnInDoubtSaleOnceItsResultIsThere() {
    rrpayFake = FakeRrPay.start(root);
    open(Duration.ofSeconds(5), Duration.ofMillis(500));
    rrpayFake.nextOutcome(FakeRrPayOutcome.PRINTED_NO_ANSWER);
    assertThatThrownBy(() -> pay("K-R-1", 900)).isInstanceOf(OutcomeUnknownException.class);
    assertThat(client.recover().inDoubt()).containsExactly("K-R-1-A1"); // printed, no answer

    rrpayFake.deliverResult("K-R-1-A1");
    RecoveryReport report = client.recover();

    assertThat(report.inDoubt()).isEmpty();
    assertThat(report.settled())
        .singleElement()
        .satisfies(i -> assertThat(i.isApproved()).isTrue());
  }

  @Test
  void aCancelOfASaleInDoubtGetsWhicheverHappenedAtRrPay() {
    rrpayFake = FakeRrPay.start(root);
    open(Duration.ofSeconds(5), Duration.ofMillis(500));
    rrpayFake.nextOutcome(FakeRrPayOutcome.PRINTED_NO_ANSWER); // printed; the result is lost
    OutcomeUnknownException doubt =
        catchThrowableOfType(OutcomeUnknownException.class, () -> pay("K-C-1", 800));

    // the SDK cannot know the receipt was printed: it sends the cancel, RRPay refuses it
    PaymentIntent cancel = client.voidPayment(doubt.lastKnown().orElseThrow(), "K-C-1-F8");
    rrpayFake.deliverResult("K-C-1-A1");

    assertThat(cancel.isApproved()).isFalse();
    assertThat(client.recover().settled())
        .extracting(PaymentIntent::providerReference)
        .contains("K-C-1-A1");
    assertThat(provider.result("K-C-1-A1").orElseThrow().outcome()).isEqualTo(RrPayOutcome.PAID);
    assertThat(rrpayFake.receipts()).isEqualTo(1);
  }

  @Test
  void anF8BeforePrintingCancelsTheSaleWithNoFiscalTrace() {
    rrpayFake = FakeRrPay.start(root);
    open(Duration.ofSeconds(5), Duration.ofMillis(500));
    rrpayFake.nextOutcome(FakeRrPayOutcome.AWAITING_CARD); // the customer has not paid yet
    OutcomeUnknownException waiting =
        catchThrowableOfType(OutcomeUnknownException.class, () -> pay("K-F8-0", 450));

    PaymentIntent cancel = client.voidPayment(waiting.lastKnown().orElseThrow(), "K-F8-0-F8");

    assertThat(cancel.isApproved()).isTrue();
    assertThat(provider.result("K-F8-0-A1").orElseThrow().outcome())
        .isEqualTo(RrPayOutcome.CANCELLED);
    assertThat(client.recover().inDoubt()).isEmpty();
    assertThat(rrpayFake.receipts()).isZero();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition never held").isLessThan(deadline);
      Thread.onSpinWait(); // waiting for another program's file, not for time to pass
    }
  }
}
