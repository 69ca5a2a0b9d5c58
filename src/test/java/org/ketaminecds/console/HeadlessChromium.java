package org.ketaminecds.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Test fixture: the system's headless Chromium driven through the system chromedriver (never Selenium Manager, so
 * nothing is downloaded at test time). Skips the calling test class when either binary is missing.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path ARTIFACTS = Path.of("target/e2e");

  /** Selenium warns that it has no CDP binding for this Chromium version; the tests use WebDriver only. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
      Logger.getLogger("org.openqa.selenium.chromium"));

  final ChromeDriver driver;

  private HeadlessChromium(ChromeDriver driver) {
    this.driver = driver;
  }

  static final String NOT_INSTALLED = "Headless Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver), "
      + "so the browser test is skipped. Install it with 'apt-get update && apt-get install -y chromium "
      + "chromium-driver' (Debian/Ubuntu; .ci/run does this).";

  /** For {@code @EnabledIf}: both binaries are there. */
  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  static HeadlessChromium startOrSkip() throws IOException {
    assumeTrue(installed(), NOT_INSTALLED);
    QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--user-data-dir=" + Files.createTempDirectory("console-e2e-chromium"), "--window-size=1280,800");
    options.setCapability("goog:loggingPrefs", logs);
    Files.createDirectories(ARTIFACTS);
    return new HeadlessChromium(new ChromeDriver(service, options));
  }

  /** Sizes the window so that the page itself (not the window frame) gets width x height CSS pixels. */
  void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    List<?> frame = (List<?>) driver.executeScript(
        "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];");
    driver.manage().window().setSize(new Dimension(width + ((Number) frame.get(0)).intValue(),
        height + ((Number) frame.get(1)).intValue()));
  }

  /** Horizontal overflow of the page in CSS pixels (0 when nothing needs sideways scrolling). */
  int horizontalOverflow() {
    return ((Number) driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
  }

  void screenshot(String name) throws IOException {
    Files.write(ARTIFACTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Console errors of the page so far (failed loads, script errors, CSP violations). */
  List<String> severeMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
