package org.ketaminecds.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;

/** The cards of one invocation and the rules that were degraded on the way. */
public record RenderedCards(List<Card> cards, List<DegradedRule> degraded) {

  /** Response extension key listing degraded rules (docs/content/service-definitions.md, "Degraded rules"). */
  public static final String DEGRADED_RULES_EXTENSION = "org.ketaminecds.degraded-rules";

  public RenderedCards {
    cards = List.copyOf(cards);
    degraded = List.copyOf(degraded);
  }

  public CdsResponse toResponse() {
    if (degraded.isEmpty()) {
      return CdsResponse.of(cards);
    }
    var list = JsonNodeFactory.instance.arrayNode();
    degraded.forEach(d -> list.addObject().put("rule", d.rule()).put("reason", d.reason()));
    return new CdsResponse(cards, List.of(), Map.<String, JsonNode>of(DEGRADED_RULES_EXTENSION, list));
  }
}
