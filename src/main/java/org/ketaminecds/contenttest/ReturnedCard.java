package org.ketaminecds.contenttest;

import org.ketaminecds.cards.Card;

/**
 * A returned card as example expectations see it: the wire fields they test, and the id of the card rule that
 * produced it (known in process, never sent to an EHR).
 */
public record ReturnedCard(String indicator, String summary, String detail, String rule) {

  public static ReturnedCard of(Card card) {
    return new ReturnedCard(card.indicator() == null ? null : card.indicator().wire(), card.summary(), card.detail(),
        card.ruleId());
  }

  @Override
  public String toString() {
    return "[" + (indicator == null ? "?" : indicator) + "] " + (summary == null ? "" : summary)
        + (rule == null ? "" : "  (rule " + rule + ")");
  }
}
