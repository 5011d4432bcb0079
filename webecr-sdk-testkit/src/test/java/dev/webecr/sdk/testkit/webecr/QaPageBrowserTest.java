package dev.webecr.sdk.testkit.webecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.ApiKey;
import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.OutcomeUnknownException;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.mellon.MellonProvider;
import dev.webecr.sdk.testkit.Chromium;
import dev.webecr.sdk.testkit.TestSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * QA's page in a real headless Chromium: a payment started by the ERP (PosClient + the Mellon
 * provider, real clock) appears on its terminal's card, a person clicks a key, and {@code pay()}
 * returns what was clicked. The waits are the browser's explicit waits for what the page shows.
 */
class QaPageBrowserTest {
  private static final Duration SEEN = Duration.ofSeconds(15);
  private FakeWebEcrServer server;
  private PosClient client;
  private ChromeDriver browser;
  private List<Terminal> terminals;

  @BeforeEach
  void start(TestInfo test) {
    browser = Chromium.start();
    server = FakeWebEcrServer.builder().build().start();
    RealClockFake.quickAndKind(server); // the kind variant, on purpose: see there
    client =
        PosClient.builder()
            .provider(MellonProvider.create(server.mellonConfig().build()))
            .journal(Journals.inMemory())
            .signer(new TestSigner(Clock.systemUTC()))
            // the time-out case ends in doubt at 4 s; the others get time for a slow machine
            .paymentDeadline(
                Duration.ofSeconds(
                    test.getTestMethod().orElseThrow().getName().startsWith("timeOut") ? 4 : 60))
            .build();
    ApiKey key = client.pair(FakeTerminals.REDEEM_CODE);
    terminals = client.terminals(key);
    browser.get(server.pageUrl());
  }

  @AfterEach
  void stop(TestInfo test) throws Exception {
    if (browser != null) {
      Path shot =
          Path.of("target", "qa-page-" + test.getTestMethod().orElseThrow().getName() + ".png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPaymentAppearsOnThePageAndApproveOnThePageApprovesIt() throws Exception {
    // the profile is chosen on the page too: MANUAL waits for the person
    new Select(card("10000001").findElement(By.tagName("select"))).selectByValue("MANUAL");
    awaitText(card("10000001"), "MANUAL");

    CompletableFuture<PaymentIntent> paying = client.payAsync(sale("10000001", "24.80", "QA-1"));
    awaitScreen("10000001", "24.80 EUR — insert card");
    key("10000001", "approve").click();

    PaymentIntent paid = paying.get(30, TimeUnit.SECONDS);
    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(server.fake().approvalsByReference()).containsEntry("QA-1-A1", 1);
    awaitScreen("10000001", "READY");
  }

  @Test
  void declineOnThePageDeclinesThePayment() throws Exception {
    server.control().profile("10000002", TerminalProfile.MANUAL);
    CompletableFuture<PaymentIntent> paying = client.payAsync(sale("10000002", "9.50", "QA-2"));
    awaitScreen("10000002", "9.50 EUR — insert card");
    key("10000002", "decline").click();

    assertThat(paying.get(30, TimeUnit.SECONDS).result()).contains(IntentResult.DECLINED);
    assertThat(server.fake().approvalsByReference()).doesNotContainKey("QA-2-A1");
  }

  @Test
  void timeOutOnThePageLeavesThePaymentInDoubtNeverNotCharged() {
    server.control().profile("10000003", TerminalProfile.MANUAL);
    CompletableFuture<PaymentIntent> paying = client.payAsync(sale("10000003", "7.00", "QA-3"));
    awaitScreen("10000003", "7.00 EUR — insert card");
    key("10000003", "time-out").click();

    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> paying.get(30, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(OutcomeUnknownException.class);
    assertThat(((OutcomeUnknownException) e.getCause()).providerReference()).isEqualTo("QA-3-A1");
  }

  @Test
  void aFullBatchShowsOnThePageAndClosingItThereLetsThePaymentThrough() throws Exception {
    String tid = "10000006"; // its batch holds 3
    for (int i = 1; i <= FakeTerminals.BATCH_LIMIT; i++) {
      assertThat(client.pay(sale(tid, "1.00", "QA-B" + i)).isApproved()).isTrue();
    }
    PaymentIntent refused = client.pay(sale(tid, "1.00", "QA-B4"));
    assertThat(refused.result()).contains(IntentResult.MAX_TRANSACTIONS);
    awaitScreen(tid, "BATCH FULL");

    card(tid).findElement(By.cssSelector("button[data-action='close-batch']")).click();
    awaitScreen(tid, "READY");

    assertThat(client.pay(sale(tid, "1.00", "QA-B4")).result()).contains(IntentResult.APPROVED);
  }

  private PaymentRequest sale(String tid, String euros, String reference) {
    Terminal t = terminals.stream().filter(x -> x.tid().equals(tid)).findFirst().orElseThrow();
    return PaymentRequest.builder()
        .terminal(t)
        .amount(Money.parse(euros, Money.EUR))
        .reference(reference)
        .build();
  }

  private WebElement card(String tid) {
    return new WebDriverWait(browser, SEEN)
        .until(b -> b.findElement(By.cssSelector("article[data-tid='" + tid + "']")));
  }

  private WebElement key(String tid, String action) {
    WebElement button =
        card(tid).findElement(By.cssSelector(".keys button[data-action='" + action + "']"));
    new WebDriverWait(browser, SEEN).until(b -> button.isEnabled());
    return button;
  }

  private void awaitScreen(String tid, String text) {
    new WebDriverWait(browser, SEEN)
        .withMessage(() -> "terminal " + tid + " never showed '" + text + "'")
        .until(b -> card(tid).findElement(By.className("screen")).getText().contains(text));
  }

  private void awaitText(WebElement element, String text) {
    new WebDriverWait(browser, SEEN).until(b -> element.getText().contains(text));
  }
}
