package org.ketaminecds.cards;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One rule of a service definition ({@code _config.cards[i]}): when the CQL define
 * {@code conditionExpression} is true (or a non-empty list) the {@code card} template is rendered.
 *
 * @param id unique within its service; names the rule in audit, metrics and degraded-rule reports
 */
public record CardRule(String id, String conditionExpression, CardTemplate card) {

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
