package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A suggestion as written in the definition file; its uuid is generated per rendered card. */
public record SuggestionTemplate(
    String label, @JsonProperty("isRecommended") Boolean isRecommended, List<ActionTemplate> actions) {

  public SuggestionTemplate {
    actions = CardTemplate.copy(actions);
  }
}
