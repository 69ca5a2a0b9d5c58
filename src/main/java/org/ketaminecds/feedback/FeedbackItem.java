package org.ketaminecds.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.ketaminecds.cards.Coding;

/** One feedback entry, CDS Hooks 2.0 §Feedback. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackItem(
    String card,
    FeedbackOutcome outcome,
    List<AcceptedSuggestion> acceptedSuggestions,
    OverrideReason overrideReason,
    Instant outcomeTimestamp) {

  public FeedbackItem {
    acceptedSuggestions = acceptedSuggestions == null ? List.of() : List.copyOf(acceptedSuggestions);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AcceptedSuggestion(String id) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OverrideReason(Coding reason, String userComment) {}
}
