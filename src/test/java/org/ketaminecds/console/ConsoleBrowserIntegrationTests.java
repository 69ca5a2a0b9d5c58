package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.ketaminecds.feedback.FeedbackItem;
import org.ketaminecds.feedback.FeedbackOutcome;
import org.ketaminecds.feedback.FeedbackSink;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Acceptance of the preview console (issue 7) in headless Chromium: the real page, the real CDS Hooks endpoints
 * with JWT verification on (the console's own tokens), the real CQL content and storage. Saves
 * target/e2e/console.png. Skipped, saying how to install them, when Chromium or chromedriver is missing.
 */
@EnabledIf(value = "org.ketaminecds.console.HeadlessChromium#installed", disabledReason = HeadlessChromium.NOT_INSTALLED)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=true", "cds.console.enabled=true", "cds.storage.data-dir=./target/console-tests"})
class ConsoleBrowserIntegrationTests {

  static final String SERVICE = "ketamine-order-check";
  static final String CONSOLE_ISSUER = "urn:ketamine-cds:preview-console";

  private static HeadlessChromium chromium;

  @LocalServerPort int port;
  /** The real storage behind a spy: feedback must be accepted by it (card issued) and is verified here. */
  @MockitoSpyBean FeedbackSink feedbackSink;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = HeadlessChromium.startOrSkip();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void openConsole() {
    chromium.driver.get("http://localhost:" + port + "/");
    chromium.viewport(1280, 800);
    waitUntil(ExpectedConditions.elementToBeClickable(By.id("run")));
  }

  @Test
  void showsTheOrderSignCardsOfAnEsketamineOrderAndSendsFeedbackForAnAcceptedSuggestion() throws IOException {
    choose("patient", "demo-aortic-aneurysm");
    choose("hook", "order-sign");
    choose("product", "esketamine-56");
    find(By.id("run")).sendKeys(Keys.ENTER); // keyboard, as a clinician without a mouse would

    WebElement contraindication = card("critical", "aneurysmal vascular disease");
    assertThat(contraindication.findElement(By.className("indicator")).getText()).isEqualToIgnoringCase("critical");
    WebElement detail = contraindication.findElement(By.className("card-detail"));
    assertThat(detail.findElements(By.tagName("strong"))).as("markdown rendered").isNotEmpty();
    assertThat(detail.getText()).contains("Abdominal aortic aneurysm").doesNotContain("**");
    assertThat(contraindication.findElement(By.cssSelector(".card-source a")).getAttribute("href"))
        .startsWith("https://dailymed.nlm.nih.gov/");
    assertThat(contraindication.findElements(By.cssSelector(".card-override option"))).hasSizeGreaterThan(1);
    assertThat(card("info", "TRD criteria met").findElement(By.className("indicator")).getText()).isEqualToIgnoringCase("info");
    assertThat(card("info", "REMS-certified setting only").getText()).isNotBlank();
    assertThat(find(By.id("status")).getText()).contains("order-sign").contains("1 critical");
    assertThat(find(By.cssSelector(".service-cards .timing")).getText()).containsPattern("answered in \\d+ ms");
    assertThat(find(By.id("exchanges")).getText()).contains("POST /cds-services/" + SERVICE);
    chromium.screenshot("console.png");

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
    assertThat(chromium.severeMessages()).isEmpty();
  }

  @Test
  void explainsWhyEachRuleFiredWithItsDefinesEvidenceAndTimes() {
    choose("patient", "demo-aortic-aneurysm");
    choose("hook", "order-sign");
    choose("product", "esketamine-56");
    find(By.id("run")).click();
    card("critical", "aneurysmal vascular disease");

    find(By.cssSelector(".explain[data-explain-service='" + SERVICE + "'] summary")).click();

    WebElement fired = waitUntil(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".explain-rule[data-rule-id='esketamine-aneurysm-avm'][data-outcome='fired']")));
    assertThat(fired.getText()).contains("Esketamine Aneurysm Or AVM").contains("condition").contains("Condition/")
        .containsPattern("\\d+\\.\\d ms");
    assertThat(find(By.cssSelector(".explain[data-explain-service='" + SERVICE + "']")).getText())
        .contains("Quiet:").contains("not part of the EHR's response");
    assertThat(find(By.id("content-status")).getText()).contains("Content version 1");
    assertThat(chromium.severeMessages()).isEmpty();
  }

  @Test
  void sendsAnOverrideWithTheChosenReason() {
    choose("patient", "demo-trd-one-trial");
    choose("hook", "order-sign");
    choose("product", "esketamine-84");
    find(By.id("run")).click();

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
    chromium.viewport(390, 844);
    choose("patient", "demo-pregnancy");
    choose("hook", "order-sign");
    choose("product", "esketamine-56");
    find(By.id("run")).click();

    card("warning", "pregnancy");
    assertThat(chromium.horizontalOverflow()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    chromium.screenshot("console-narrow.png");
  }

  /** The card with this indicator whose summary contains the text (case-insensitive), once the run has finished. */
  private WebElement card(String indicator, String summaryText) {
    String wanted = summaryText.toLowerCase(Locale.ROOT);
    return waitUntil(driver -> driver
        .findElements(By.cssSelector("#cards article.card[data-indicator='" + indicator + "']")).stream()
        .filter(card -> card.findElement(By.className("card-summary")).getText().toLowerCase(Locale.ROOT).contains(wanted))
        .findFirst().orElse(null));
  }

  private WebElement find(By by) {
    return chromium.driver.findElement(by);
  }

  private void choose(String selectId, String value) {
    new Select(find(By.id(selectId))).selectByValue(value);
  }

  private <T> T waitUntil(ExpectedCondition<T> condition) {
    return new WebDriverWait(chromium.driver, Duration.ofSeconds(60)).until(condition);
  }
}
