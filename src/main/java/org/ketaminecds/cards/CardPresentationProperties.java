package org.ketaminecds.cards;

import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How cards must fit EHR screens ({@code cds.cards.*}, docs/content/safety-rules.md "Cards on EHR screens").
 *
 * @param detailMaxChars the longest card detail sent (characters of markdown). Content is written to stay under it
 *     (the example-case size check fails otherwise); a longer detail is shortened at a line break with a note, as a
 *     last resort. Default 2000: a local presentation choice, not an EHR-published limit.
 * @param linkAllowList hosts that card links and source URLs may point to (e.g. {@code dailymed.nlm.nih.gov},
 *     {@code www.fda.gov}); a link to another host is left out and a source keeps its label without the URL. Empty
 *     (the default): every link is sent.
 */
@Validated
@ConfigurationProperties("cds.cards")
public record CardPresentationProperties(@DefaultValue("2000") @Min(200) int detailMaxChars, List<String> linkAllowList) {

  public static final CardPresentationProperties DEFAULTS = new CardPresentationProperties(2000, List.of());

  public CardPresentationProperties {
    linkAllowList = linkAllowList == null ? List.of()
        : linkAllowList.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
  }
}
