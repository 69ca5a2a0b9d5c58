package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardFittingTests {

  private static Card card(String detail, Source source, List<Link> links) {
    return new Card("u-1", "Summary", detail, Indicator.WARNING, source, List.of(), null, List.of(), links, "rule-1");
  }

  private static final Source FDA = new Source("FDA notice", "https://www.fda.gov/drugs/notice", null, null);
  private static final Link DAILYMED = new Link("Label", "https://dailymed.nlm.nih.gov/dailymed/x", "absolute", null);
  private static final Link OTHER = new Link("Paper", "https://doi.org/10.1/x", "absolute", null);

  @Test
  void aDetailWithinTheLimitIsSentUnchanged() {
    var fitted = new CardFitting(new CardPresentationProperties(300, List.of())).fit(card("**Finding: act.**\n\n- a", FDA, List.of()));

    assertThat(fitted.detail()).isEqualTo("**Finding: act.**\n\n- a");
  }

  @Test
  void aDetailOverTheLimitIsShortenedAtALineBreakWithANote() {
    var detail = "**Finding: act.**\n\n" + "- evidence line of some length\n".repeat(40);

    var fitted = new CardFitting(new CardPresentationProperties(300, List.of())).fit(card(detail, FDA, List.of()));

    assertThat(fitted.detail()).hasSizeLessThanOrEqualTo(300).startsWith("**Finding: act.**")
        .endsWith(CardFitting.SHORTENED_NOTE).doesNotContain("- evidence line of some\n");
  }

  @Test
  void withoutAnAllowListEveryLinkIsSent() {
    var fitted = new CardFitting(CardPresentationProperties.DEFAULTS).fit(card("d", FDA, List.of(DAILYMED, OTHER)));

    assertThat(fitted.links()).containsExactly(DAILYMED, OTHER);
    assertThat(fitted.source()).isEqualTo(FDA);
  }

  @Test
  void anAllowListDropsOtherHostsAndKeepsTheSourceLabelWithoutItsUrl() {
    var fitting = new CardFitting(new CardPresentationProperties(2000, List.of(" DailyMed.nlm.nih.gov ")));

    var fitted = fitting.fit(card("d", FDA, List.of(DAILYMED, OTHER)));

    assertThat(fitted.links()).containsExactly(DAILYMED);
    assertThat(fitted.source().label()).isEqualTo("FDA notice");
    assertThat(fitted.source().url()).isNull();
  }

  @Test
  void aRelativeOrMalformedUrlIsNotOnAnyAllowList() {
    var fitting = new CardFitting(new CardPresentationProperties(2000, List.of("www.fda.gov")));

    assertThat(fitting.allowed("/relative/path")).isFalse();
    assertThat(fitting.allowed("https://www.fda.gov/x y")).isFalse();
    assertThat(fitting.allowed("https://www.fda.gov/drugs")).isTrue();
  }
}
