package org.ketaminecds.cards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One rule of a service definition ({@code _config.cards[i]}): when the CQL define
 * {@code conditionExpression} is true (or a non-empty list) the {@code card} template is rendered.
 *
 * @param id unique within its service; names the rule in audit, metrics and degraded-rule reports
 * @param prefetchKeys the service's prefetch keys whose data this rule's defines read; absent (null) = every key
 *     of the service, the safe default: a truncated key then marks the rule as reading incomplete history
 * @param repeat absent (null) = the card is shown whenever the rule fires; else the card is a reminder that is not
 *     repeated for the same patient without new information ({@link RepeatPolicy})
 */
public record CardRule(String id, String conditionExpression, CardTemplate card, List<String> prefetchKeys,
    RepeatPolicy repeat) {

  /** A rule whose card is shown whenever it fires. */
  public CardRule(String id, String conditionExpression, CardTemplate card, List<String> prefetchKeys) {
    this(id, conditionExpression, card, prefetchKeys, null);
  }

  public CardRule {
    prefetchKeys = prefetchKeys == null ? null : List.copyOf(prefetchKeys);
  }

  /** The keys this rule reads among {@code serviceKeys}: its declared ones, or all of them. */
  public Set<String> keysRead(Set<String> serviceKeys) {
    return prefetchKeys == null ? serviceKeys : new LinkedHashSet<>(prefetchKeys);
  }

  /** Every define this rule reads: its condition and each {@code ${...}} of its templates. */
  public Set<String> expressions() {
    var names = new LinkedHashSet<String>();
    if (conditionExpression != null) {
      names.add(conditionExpression);
    }
    if (card != null) {
      card.templates().forEach((field, template) -> template.placeholders().forEach(p -> names.add(p.expression())));
    }
    return names;
  }
}
