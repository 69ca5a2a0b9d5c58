package org.ketaminecds.feedback;

import java.time.Instant;
import java.util.List;
import org.ketaminecds.audit.InvocationAudit.IssuedCard;
import org.ketaminecds.cards.Coding;
import org.ketaminecds.feedback.FeedbackItem.AcceptedSuggestion;
import org.ketaminecds.feedback.FeedbackItem.OverrideReason;

/** Test fixtures: feedback items for issued cards. */
final class FeedbackItems {

  static final Coding NOT_APPLICABLE =
      new Coding("http://ketamine-cds.org/override-reason", "not-applicable", "Not applicable to this patient");
  static final Coding BENEFIT_OUTWEIGHS =
      new Coding("http://ketamine-cds.org/override-reason", "benefit-outweighs-risk", "Benefit outweighs risk");

  private FeedbackItems() {}

  static FeedbackItem accepted(IssuedCard card, Instant at) {
    return new FeedbackItem(card.uuid(), FeedbackOutcome.ACCEPTED,
        card.suggestionUuids().isEmpty() ? List.of() : List.of(new AcceptedSuggestion(card.suggestionUuids().get(0))),
        null, at);
  }

  static FeedbackItem overridden(IssuedCard card, Coding reason, String comment, Instant at) {
    return new FeedbackItem(card.uuid(), FeedbackOutcome.OVERRIDDEN, List.of(),
        new OverrideReason(reason, comment), at);
  }
}
