package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The service response. {@code cards} is always present (possibly empty, the one empty array the spec
 * allows); {@code extension} carries rules that could not be evaluated (see docs/content/service-definitions.md, "Degraded rules").
 */
public record CdsResponse(
    List<Card> cards,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Action> systemActions,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, JsonNode> extension) {

  public CdsResponse {
    cards = cards == null ? List.of() : List.copyOf(cards);
    systemActions = systemActions == null ? List.of() : List.copyOf(systemActions);
    extension = extension == null ? Map.of() : Map.copyOf(extension);
  }

  public static CdsResponse of(List<Card> cards) {
    return new CdsResponse(cards, List.of(), Map.of());
  }
}
