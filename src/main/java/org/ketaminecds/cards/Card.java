package org.ketaminecds.cards;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A CDS Hooks 2.0 card as sent on the wire. {@code ruleId} names the card rule that produced it; it is
 * kept for audit and metrics and never serialised.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
    String uuid,
    String summary,
    String detail,
    Indicator indicator,
    Source source,
    List<Suggestion> suggestions,
    SelectionBehavior selectionBehavior,
    List<Coding> overrideReasons,
    List<Link> links,
    @JsonIgnore String ruleId) {

  public Card {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
    links = links == null ? List.of() : List.copyOf(links);
  }
}
