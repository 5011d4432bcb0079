package dev.webecr.sdk.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium through the chromedriver the package installs (never a downloaded driver). Where they
 * are missing the browser tests are skipped with what to install, unless {@code
 * WEBECR_BROWSER_TESTS=required} (set by {@code .ci/run}): then a missing browser fails them.
 */
public final class Chromium {
  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  public static ChromeDriver start() {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      String what =
          "the browser tests need Debian's chromium and chromium-driver ("
              + BROWSER
              + ", "
              + DRIVER
              + "): apt-get install chromium chromium-driver";
      if ("required".equals(System.getenv("WEBECR_BROWSER_TESTS"))) {
        Assertions.fail(what);
      }
      Assumptions.abort(what);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
    return new ChromeDriver(service, options);
  }
}
