package org.ketaminecds.cards;

import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a rendered card fit EHR screens: a detail over the size limit is shortened at a line break with a note (and
 * logged by rule id, never with patient data); links and source URLs outside the site's allow-list are left out.
 */
final class CardFitting {

  static final String SHORTENED_NOTE = "\n\n(Shortened to fit the EHR display: see the source for the full text.)";

  private static final Logger log = LoggerFactory.getLogger(CardFitting.class);

  private final CardPresentationProperties properties;

  CardFitting(CardPresentationProperties properties) {
    this.properties = properties;
  }

  Card fit(Card card) {
    return new Card(card.uuid(), card.summary(), detail(card.detail(), card.ruleId()), card.indicator(),
        source(card.source()), card.suggestions(), card.selectionBehavior(), card.overrideReasons(),
        card.links().stream().filter(l -> allowed(l.url())).toList(), card.ruleId());
  }

  private String detail(String detail, String ruleId) {
    var max = properties.detailMaxChars();
    if (detail == null || detail.length() <= max) {
      return detail;
    }
    log.warn("rule {}: card detail of {} characters shortened to the limit of {}", ruleId, detail.length(), max);
    var room = max - SHORTENED_NOTE.length();
    var cut = detail.lastIndexOf('\n', room);
    return detail.substring(0, cut > room / 2 ? cut : room).stripTrailing() + SHORTENED_NOTE;
  }

  private Source source(Source source) {
    if (source == null || source.url() == null || allowed(source.url())) {
      return source;
    }
    return new Source(source.label(), null, source.icon(), source.topic());
  }

  /** A URL whose host is on the allow-list (or any URL when the list is empty); relative or bad URLs are not. */
  boolean allowed(String url) {
    if (properties.linkAllowList().isEmpty()) {
      return true;
    }
    try {
      var host = URI.create(url).getHost();
      return host != null && properties.linkAllowList().contains(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
