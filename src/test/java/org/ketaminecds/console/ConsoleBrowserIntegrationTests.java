package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.feedback.FeedbackItem;
import org.ketaminecds.feedback.FeedbackOutcome;
import org.ketaminecds.feedback.FeedbackSink;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Acceptance of the preview console (issue 7) in headless Chromium: the real page, the real CDS Hooks endpoints
 * with JWT verification on (the console's own tokens), the real CQL content. Saves target/e2e/console.png.
 * Skipped, saying how to install them, when /usr/bin/chromium or /usr/bin/chromedriver is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=true", "cds.console.enabled=true", "cds.storage.data-dir=./target/console-tests"})
class ConsoleBrowserIntegrationTests {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path ARTIFACTS = Path.of("target/e2e");
  static final String SERVICE = "ketamine-order-check";
  static final String CONSOLE_ISSUER = "urn:ketamine-cds:preview-console";

  /** Selenium warns that it has no CDP binding for this Chromium version; the test uses WebDriver only. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
      Logger.getLogger("org.openqa.selenium.chromium"));

  private static ChromeDriver browser;

  @LocalServerPort int port;
  /** The real storage behind a spy: feedback must be accepted by it (card issued) and is verified here. */
  @MockitoSpyBean FeedbackSink feedbackSink;

  @BeforeAll
  static void startBrowser() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Headless Chromium is not installed, so the browser test is skipped. Install it with "
            + "'apt-get update && apt-get install -y chromium chromium-driver' (Debian/Ubuntu; .ci/run does this).");
    QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()) // never Selenium Manager: no download at test time
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
    browser = new ChromeDriver(service, options);
    Files.createDirectories(ARTIFACTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void openConsole() {
    browser.get("http://localhost:" + port + "/");
    viewport(1280, 800);
    waitUntil(ExpectedConditions.elementToBeClickable(By.id("run")));
  }

  @Test
  void showsTheOrderSignCardsOfAnEsketamineOrderAndSendsFeedbackForAnAcceptedSuggestion() throws IOException {
    choose("patient", "demo-aortic-aneurysm");
    choose("hook", "order-sign");
    choose("product", "esketamine-56");
    browser.findElement(By.id("run")).sendKeys(Keys.ENTER); // keyboard, as a clinician without a mouse would

    WebElement contraindication = card("critical", "aneurysmal vascular disease");
    assertThat(contraindication.findElement(By.className("indicator")).getText()).isEqualToIgnoringCase("critical");
    assertThat(contraindication.findElement(By.className("card-detail")).findElements(By.tagName("strong"))).isNotEmpty();
    assertThat(contraindication.findElement(By.className("card-detail")).getText())
        .contains("Abdominal aortic aneurysm").doesNotContain("**");
    assertThat(contraindication.findElement(By.cssSelector(".card-source a")).getAttribute("href"))
        .startsWith("https://dailymed.nlm.nih.gov/");
    assertThat(contraindication.findElements(By.cssSelector(".card-override option"))).hasSizeGreaterThan(1);
    assertThat(card("info", "TRD criteria met").findElement(By.className("indicator")).getText()).isEqualToIgnoringCase("info");
    assertThat(card("info", "REMS-certified setting only").getText()).isNotBlank();
    assertThat(text("status")).contains("order-sign").contains("1 critical");
    assertThat(browser.findElement(By.cssSelector(".service-cards .timing")).getText()).containsPattern("answered in \\d+ ms");
    assertThat(browser.findElement(By.id("exchanges")).getText()).contains("POST /cds-services/" + SERVICE);
    screenshot("console.png");

    WebElement remove = contraindication.findElement(By.cssSelector("button.suggestion"));
    String cardUuid = contraindication.getAttribute("data-card-uuid");
    String suggestionUuid = remove.getAttribute("data-suggestion-uuid");
    remove.click();

    waitUntil(ExpectedConditions.textToBePresentInElement(
        contraindication.findElement(By.className("card-feedback")), "feedback recorded"));
    verify(feedbackSink, timeout(10_000)).store(eq(SERVICE),
        argThat(client -> CONSOLE_ISSUER.equals(client.issuer())),
        argThat((List<FeedbackItem> items) -> items.size() == 1
            && items.get(0).outcome() == FeedbackOutcome.ACCEPTED
            && items.get(0).card().equals(cardUuid)
            && items.get(0).acceptedSuggestions().get(0).id().equals(suggestionUuid)));
    assertThat(severeBrowserMessages()).isEmpty();
  }

  @Test
  void sendsAnOverrideWithTheChosenReason() {
    choose("patient", "demo-trd-one-trial");
    choose("hook", "order-sign");
    choose("product", "esketamine-84");
    browser.findElement(By.id("run")).click();

    WebElement trdNotMet = card("warning", "TRD not documented");
    trdNotMet.findElement(By.cssSelector(".card-override summary")).click();
    Select reason = new Select(trdNotMet.findElement(By.cssSelector(".card-override select")));
    reason.selectByIndex(1);
    String reasonDisplay = reason.getFirstSelectedOption().getText();
    trdNotMet.findElement(By.cssSelector(".card-override input")).sendKeys("Third trial documented on paper");
    trdNotMet.findElement(By.className("override-send")).click();

    waitUntil(ExpectedConditions.textToBePresentInElement(trdNotMet.findElement(By.className("card-feedback")), "Overridden"));
    verify(feedbackSink, timeout(10_000)).store(eq(SERVICE), argThat(client -> CONSOLE_ISSUER.equals(client.issuer())),
        argThat((List<FeedbackItem> items) -> items.size() == 1
            && items.get(0).outcome() == FeedbackOutcome.OVERRIDDEN
            && items.get(0).overrideReason().reason().display().equals(reasonDisplay)
            && items.get(0).overrideReason().userComment().equals("Third trial documented on paper")));
  }

  @Test
  void staysReadableOnANarrowWindow() throws IOException {
    viewport(390, 844);
    choose("patient", "demo-pregnancy");
    choose("hook", "order-sign");
    choose("product", "esketamine-56");
    browser.findElement(By.id("run")).click();

    card("warning", "pregnancy");
    Object overflow = ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    screenshot("console-narrow.png");
  }

  /** The card with this indicator whose summary contains the text (case-insensitive), once the run has finished. */
  private WebElement card(String indicator, String summaryText) {
    String wanted = summaryText.toLowerCase(Locale.ROOT);
    return new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver
        .findElements(By.cssSelector("#cards article.card[data-indicator='" + indicator + "']")).stream()
        .filter(card -> card.findElement(By.className("card-summary")).getText().toLowerCase(Locale.ROOT).contains(wanted))
        .findFirst().orElse(null));
  }

  /** Sizes the window so that the page itself (not the window frame) gets width x height CSS pixels. */
  private static void viewport(int width, int height) {
    browser.manage().window().setSize(new Dimension(width, height));
    List<?> frame = (List<?>) ((JavascriptExecutor) browser).executeScript(
        "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];");
    browser.manage().window().setSize(new Dimension(width + ((Number) frame.get(0)).intValue(),
        height + ((Number) frame.get(1)).intValue()));
  }

  private void choose(String selectId, String value) {
    new Select(browser.findElement(By.id(selectId))).selectByValue(value);
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private <T> T waitUntil(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
  }

  private void screenshot(String name) throws IOException {
    Files.write(ARTIFACTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  private List<String> severeBrowserMessages() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }
}
