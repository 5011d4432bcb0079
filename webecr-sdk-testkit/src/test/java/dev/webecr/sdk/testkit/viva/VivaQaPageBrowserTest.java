package dev.webecr.sdk.testkit.viva;

import static org.assertj.core.api.Assertions.assertThat;

import dev.webecr.sdk.IntentResult;
import dev.webecr.sdk.Journals;
import dev.webecr.sdk.Money;
import dev.webecr.sdk.PaymentIntent;
import dev.webecr.sdk.PaymentRequest;
import dev.webecr.sdk.PosClient;
import dev.webecr.sdk.Terminal;
import dev.webecr.sdk.testkit.Chromium;
import dev.webecr.sdk.testkit.TestSigner;
import dev.webecr.sdk.viva.VivaProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Viva fake's QA page in a real headless Chromium: a sale the ERP sends to terminal 16000008
 * (PosClient + the Viva provider, real clock) shows on the page, a person presses a button, and
 * {@code pay()} returns what was pressed. The waits are the browser's explicit waits.
 */
class VivaQaPageBrowserTest {
  private static final Duration SEEN = Duration.ofSeconds(15);
  private FakeVivaServer fake;
  private PosClient client;
  private ChromeDriver browser;
  private Terminal manual;

  @BeforeEach
  void start() {
    browser = Chromium.start();
    // kind variant, named: a session is readable at once (the default hides it 5 s), so the
    // real-clock test does not wait out the lag
    fake = FakeVivaServer.builder().visibilityLag(Duration.ZERO).build().start();
    client =
        PosClient.builder()
            .provider(VivaProvider.create(fake.vivaConfig().build()))
            .journal(Journals.inMemory())
            .signer(new TestSigner(Clock.systemUTC()))
            .paymentDeadline(Duration.ofSeconds(60))
            .build();
    manual =
        client.directTerminals().stream()
            .filter(t -> t.tid().equals(FakeVivaTerminal.MANUAL.terminalId()))
            .findFirst()
            .orElseThrow();
    browser.get(fake.pageUrl());
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      Path shot = Path.of("target", "viva-qa-page.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
    if (client != null) {
      client.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  private CompletableFuture<PaymentIntent> pay(String euros, String reference) {
    return client.payAsync(
        PaymentRequest.builder()
            .terminal(manual)
            .amount(Money.parse(euros, Money.EUR))
            .reference(reference)
            .build());
  }

  private void press(String button, String sessionId) {
    new WebDriverWait(browser, SEEN)
        .withMessage(() -> "no " + button + " button for " + sessionId)
        .until(b -> b.findElement(By.id(button + "-" + sessionId)))
        .click();
  }

  @Test
  void aSaleWaitsOnThePageAndApproveThereApprovesIt() throws Exception {
    CompletableFuture<PaymentIntent> paying = pay("24.80", "VQA-1");
    press("approve", "VQA-1-A1");

    PaymentIntent paid = paying.get(30, TimeUnit.SECONDS);
    assertThat(paid.result()).contains(IntentResult.APPROVED);
    assertThat(fake.charges("VQA-1-A1")).isEqualTo(1);
  }

  @Test
  void declineOnThePageDeclinesTheSale() throws Exception {
    CompletableFuture<PaymentIntent> paying = pay("9.50", "VQA-2");
    press("decline", "VQA-2-A1");

    assertThat(paying.get(30, TimeUnit.SECONDS).result()).contains(IntentResult.DECLINED);
    assertThat(fake.charges("VQA-2-A1")).isZero();
  }
}
