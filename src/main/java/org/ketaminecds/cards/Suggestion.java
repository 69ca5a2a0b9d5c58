package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {
  public Suggestion {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }
}
