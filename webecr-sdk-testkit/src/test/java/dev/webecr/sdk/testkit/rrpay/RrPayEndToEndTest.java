package dev.webecr.sdk.testkit.rrpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.webecr.sdk.BasketLine;
import dev.webecr.sdk.ConnectionException;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.InvalidRequestException;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PollSchedule;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.RecoveryReport;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.rrpay.CreditMapping;
import dev.webecr.sdk.rrpay.RrPayConfig;
import dev.webecr.sdk.rrpay.RrPayDayTotals;
import dev.webecr.sdk.rrpay.RrPayOutcome;
import dev.webecr.sdk.rrpay.RrPayProvider;
import dev.webecr.sdk.rrpay.RrPayResult;
import dev.webecr.sdk.rrpay.RrPayTender;
import dev.webecr.sdk.spi.IntentJournal;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RRPay handoff end to end: PosClient, the RRPay provider and the fake RRPay on a real exchange
 * folder. RRPay is another program, so these tests run on real threads; they wait for files, never
 * for time to pass, and assert what the files and the journal say.
 */
class RrPayEndToEndTest {
  @TempDir Path root;
  private FakeRrPay rrpayFake;
  private RrPayProvider provider;
  private PosClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (provider != null) {
      provider.close();
    }
    if (rrpayFake != null) {
      rrpayFake.close();
    }
  }

  private RrPayConfig config() {
    return RrPayConfig.builder()
        .exchangeRoot(root)
        .posIds(List.of("POS1", "POS2"))
        .creditMapping(
            CreditMapping.builder()
                .mapCash(1, "CASH", "Grynieji")
                .map(2, "CARD", "Banko kortelė")
                .build())
        .ackTimeout(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .build();
  }

  private PosClient start(Duration deadline) {
    rrpayFake = rrpayFake != null ? rrpayFake : FakeRrPay.start(root);
    return open(deadline, Journals.inMemory());
  }

  private PosClient open(Duration deadline, IntentJournal journal) {
    provider = RrPayProvider.open(config());
    client =
        PosClient.builder()
            .provider(provider)
            .journal(journal)
            .pollSchedule(PollSchedule.of(Duration.ofMillis(10), 1.0, Duration.ofMillis(10)))
            .paymentDeadline(deadline)
            .build();
    return client;
  }

  static PaymentRequest sale(Terminal pos, String reference, long cents) {
    BasketLine line =
        BasketLine.builder()
            .code("A1")
            .name("Duona")
            .quantity(BigDecimal.ONE)
            .unit("vnt.")
            .unitPrice(Money.euroCents(cents))
            .vatRate(BigDecimal.valueOf(21))
            .lineTotal(Money.euroCents(cents))
            .build();
    return PaymentRequest.builder()
        .terminal(pos)
        .amount(Money.euroCents(cents))
        .reference(reference)
        .addLines(line)
        .cashier("Rasa K.")
        .build();
  }

  private List<String> names(String folder) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(folder))) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void cardSaleIsPaidWithTheReceiptAndCardTender() {
    start(Duration.ofSeconds(30));

    PaymentIntent paid = client.pay(sale(provider.terminal("POS1"), "K-1", 2480));

    assertThat(paid.isApproved()).isTrue();
    assertThat(paid.transactionId()).contains("FK000001");
    RrPayResult r = provider.result(paid.id()).orElseThrow();
    assertThat(r.outcome()).isEqualTo(RrPayOutcome.PAID);
    assertThat(r.tenders())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.creditNumber()).isEqualTo(2);
              assertThat(t.amount()).isEqualTo(Money.euroCents(2480));
              assertThat(t.maskedPan()).contains("520000******0007");
            });
  }

  @Test
  void cashIsRoundedToFiveCentsWithARoundingLine() {
    start(Duration.ofSeconds(30));
    rrpayFake.nextOutcome(FakeRrPayOutcome.CASH).nextOutcome(FakeRrPayOutcome.CARD_AND_CASH);

    PaymentIntent cash = client.pay(sale(provider.terminal("POS1"), "K-2", 248));
    PaymentIntent mixed = client.pay(sale(provider.terminal("POS1"), "K-3", 2533));

    RrPayResult c = provider.result(cash.id()).orElseThrow();
    assertThat(c.tendered()).isEqualTo(Money.euroCents(250));
    assertThat(c.roundingCents()).isEqualTo(-2);
    RrPayResult m = provider.result(mixed.id()).orElseThrow();
    assertThat(m.tenders()).extracting(RrPayTender::creditNumber).containsExactly(2, 1);
    assertThat(m.tendered().minorUnits() + m.roundingCents()).isEqualTo(2533);
    RrPayDayTotals today = provider.dayTotals(LocalDate.now(ZoneId.of("Europe/Vilnius")));
    assertThat(today.netCents()).containsEntry(1, 250L + 1535).containsEntry(2, 1000L);
    assertThat(today.roundingCents()).isEqualTo(-2 + 2533 - 1000 - 1535);
  }

  @Test
  void cancelledAndFailedAreOutcomes() {
    start(Duration.ofSeconds(30));
    rrpayFake.nextOutcome(FakeRrPayOutcome.CANCELLED).nextOutcome(FakeRrPayOutcome.FAILED);

    assertThat(client.pay(sale(provider.terminal("POS1"), "K-4", 100)).result())
        .contains(IntentResult.CANCELLED);
    assertThat(client.pay(sale(provider.terminal("POS1"), "K-5", 100)).result())
        .contains(IntentResult.FAILED);
  }

  @Test
  void missingFoldersFailTheSessionOpenNamingTheFolder() {
    assertThatThrownBy(() -> RrPayProvider.open(config()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("exchangeRoot"))
        .hasMessageContaining("outbox");
  }

  @Test
  void aMalformedResultIsRejectedWithAReasonAndTheSaleStaysUnknown() throws IOException {
    start(Duration.ofMillis(500));
    rrpayFake.nextOutcome(FakeRrPayOutcome.MALFORMED);

    assertThatThrownBy(() -> client.pay(sale(provider.terminal("POS1"), "K-7", 100)))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(names("rejected")).contains("K-7-A1.result.json", "K-7-A1.result.json.reason.txt");
    assertThat(Files.readString(root.resolve("rejected/K-7-A1.result.json.reason.txt")))
        .contains("malformed");
  }

  @Test
  void tendersThatDoNotAddUpAreRejectedAndTheSaleStaysUnknown() throws IOException {
    start(Duration.ofMillis(500));
    rrpayFake.nextOutcome(FakeRrPayOutcome.WRONG_SUM);

    assertThatThrownBy(() -> client.pay(sale(provider.terminal("POS1"), "K-8", 100)))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            e ->
                assertThat(e.lastKnown())
                    .get()
                    .extracting(i -> i.result().orElseThrow())
                    .isEqualTo(IntentResult.UNKNOWN));
    assertThat(Files.readString(root.resolve("rejected/K-8-A1.result.json.reason.txt")))
        .contains("!= receipt total 100");
  }

  @Test
  void printedButNoAnswerIsResolvedByHandAndALaterDifferentResultIsReported() {
    start(Duration.ofMillis(500));
    rrpayFake.nextOutcome(FakeRrPayOutcome.PRINTED_NO_ANSWER);
    assertThatThrownBy(() -> client.pay(sale(provider.terminal("POS1"), "K-9", 700)))
        .isInstanceOf(OutcomeUnknownException.class);

    provider.resolveManually("K-9-A1", List.of(RrPayTender.of(1, Money.euroCents(700))));
    assertThat(provider.result("K-9-A1")).get().extracting(RrPayResult::manual).isEqualTo(true);
    rrpayFake.deliverResult("K-9-A1"); // RRPay says: card, not cash

    assertThat(waitFor(() -> provider.mismatches().isEmpty() ? null : provider.mismatches()))
        .singleElement()
        .asString()
        .contains("K-9-A1")
        .contains("credit 2");
    assertThat(provider.result("K-9-A1")).get().extracting(RrPayResult::manual).isEqualTo(true);
  }

  @Test
  void manualEntryMustAddUpAndOnlyForASaleWithoutResult() {
    start(Duration.ofSeconds(30));
    PaymentIntent paid = client.pay(sale(provider.terminal("POS1"), "K-10", 500));

    assertThatThrownBy(
            () ->
                provider.resolveManually(
                    paid.id(), List.of(RrPayTender.of(1, Money.euroCents(500)))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("already has a result");
    assertThatThrownBy(
            () ->
                provider.resolveManually(
                    paid.id(), List.of(RrPayTender.of(9, Money.euroCents(500)))))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void anErpCrashBetweenWritingTheSaleAndReadingTheResultIsRecovered() {
    Path journalFile = root.resolve("erp.journal");
    rrpayFake = FakeRrPay.start(root);
    IntentJournal dying = Journals.file(journalFile);
    open(Duration.ofMillis(300), dying);
    rrpayFake.nextOutcome(FakeRrPayOutcome.PRINTED_NO_ANSWER);
    assertThatThrownBy(() -> client.pay(sale(provider.terminal("POS2"), "K-11", 1250)))
        .isInstanceOf(OutcomeUnknownException.class);
    client.close(); // the ERP dies; its journal file stays
    provider.close();
    dying.close(); // what the process's death does to its file lock

    rrpayFake.deliverResult("K-11-A1"); // RRPay answers while the ERP is down
    open(Duration.ofSeconds(30), Journals.file(journalFile));
    RecoveryReport report = client.recover();

    assertThat(report.settled())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.isApproved()).isTrue();
              assertThat(i.amount()).isEqualTo(Money.euroCents(1250));
            });
    assertThat(client.pay(sale(provider.terminal("POS2"), "K-11", 1250)).id()).isEqualTo("K-11-A1");
    assertThat(rrpayFake.receipts()).isEqualTo(1);
  }

  @Test
  void concurrentSalesOnTwoPosIdsNeverMix() throws Exception {
    start(Duration.ofSeconds(30));

    CompletableFuture<PaymentIntent> a =
        client.payAsync(sale(provider.terminal("POS1"), "K-A", 111));
    CompletableFuture<PaymentIntent> b =
        client.payAsync(sale(provider.terminal("POS2"), "K-B", 222));

    PaymentIntent pa = a.get(20, TimeUnit.SECONDS);
    PaymentIntent pb = b.get(20, TimeUnit.SECONDS);
    assertThat(provider.result(pa.id()).orElseThrow().tendered()).isEqualTo(Money.euroCents(111));
    assertThat(provider.result(pb.id()).orElseThrow().tendered()).isEqualTo(Money.euroCents(222));
    assertThat(pa.terminal().tid()).isEqualTo("POS1");
    assertThat(pb.terminal().tid()).isEqualTo("POS2");
  }

  @Test
  void aStaleFileForAnotherIdIsRejectedNotReadAsThisSalesResult() throws IOException {
    start(Duration.ofSeconds(30));
    Files.writeString(
        root.resolve("inbox/OTHER-A1.result.json"),
        "{\"version\":1,\"id\":\"OTHER-A1\",\"outcome\":\"paid\",\"tenders\":[]}");

    PaymentIntent paid = client.pay(sale(provider.terminal("POS1"), "K-12", 300));

    assertThat(paid.isApproved()).isTrue();
    assertThat(names("rejected")).contains("OTHER-A1.result.json");
    assertThat(Files.readString(root.resolve("rejected/OTHER-A1.result.json.reason.txt")))
        .contains("unknown id");
  }

  @Test
  void aLookupNeverTakesBackARequestRrPayMayStillBeReading() throws Exception {
    start(Duration.ofSeconds(30));
    rrpayFake.pause(); // RRPay is slow to pick the file up
    CompletableFuture<PaymentIntent> paying =
        client.payAsync(sale(provider.terminal("POS1"), "K-13", 400));
    Path inOutbox = root.resolve("outbox/K-13-A1.sale.json");
    waitFor(() -> Files.exists(inOutbox) ? inOutbox : null);

    try (RrPayProvider restarted = RrPayProvider.open(config())) {
      assertThatThrownBy(
              () ->
                  restarted.findAttempt(
                      restarted.terminal("POS1"),
                      dev.webecr.sdk.spi.AttemptLookup.ofReference(
                          "K-13-A1", dev.webecr.sdk.TransactionType.SALE)))
          .isInstanceOfSatisfying(
              ConnectionException.class, e -> assertThat(e.isOutcomeUnknown()).isTrue());
    }
    assertThat(inOutbox).exists();

    rrpayFake.resume();
    assertThat(paying.get(20, TimeUnit.SECONDS).isApproved()).isTrue();
    assertThat(rrpayFake.receipts()).isEqualTo(1);
  }

  /** Waits for another program's file to be taken: bounded, and fails rather than hangs. */
  private static <T> T waitFor(java.util.function.Supplier<T> probe) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      T v = probe.get();
      if (v != null) {
        return v;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("nothing arrived within 10 s");
  }
}
