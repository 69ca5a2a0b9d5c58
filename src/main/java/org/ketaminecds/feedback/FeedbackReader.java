package org.ketaminecds.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ketaminecds.cards.Coding;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.feedback.FeedbackItem.AcceptedSuggestion;
import org.ketaminecds.feedback.FeedbackItem.OverrideReason;
import org.ketaminecds.problem.FieldError;
import org.ketaminecds.problem.InvalidRequestException;
import org.ketaminecds.problem.JsonBodies;
import org.springframework.stereotype.Component;

/**
 * Reads and checks {@code {"feedback": [...]}} (CDS Hooks 2.0 §Feedback); every problem is reported at
 * once, by JSON Pointer, without repeating the values sent.
 */
@Component
class FeedbackReader {

  private final ObjectMapper mapper;

  FeedbackReader(@HookJson ObjectMapper mapper) {
    this.mapper = mapper;
  }

  List<FeedbackItem> read(byte[] body) {
    var root = JsonBodies.readObject(mapper, body);
    var feedback = root.get("feedback");
    if (feedback == null || !feedback.isArray() || feedback.isEmpty()) {
      throw InvalidRequestException.at("/feedback", "is required (a non-empty array)");
    }
    if (feedback.size() > FeedbackLimits.MAX_ITEMS) {
      throw InvalidRequestException.at("/feedback", "has more than " + FeedbackLimits.MAX_ITEMS + " items");
    }
    var errors = new ArrayList<FieldError>();
    var items = new ArrayList<FeedbackItem>();
    for (int i = 0; i < feedback.size(); i++) {
      var item = item(feedback.get(i), "/feedback/" + i, errors);
      if (item != null) {
        items.add(item);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return items;
  }

  private static FeedbackItem item(JsonNode json, String at, List<FieldError> errors) {
    if (!json.isObject()) {
      errors.add(new FieldError(at, "must be an object"));
      return null;
    }
    int before = errors.size();
    var card = text(json, "card", at, errors, "is required (the uuid of the card)", FeedbackLimits.MAX_ID_LENGTH);
    var outcome = FeedbackOutcome.fromWire(json.path("outcome").asText(null));
    if (outcome == null) {
      errors.add(new FieldError(at + "/outcome", "must be accepted or overridden"));
    }
    var accepted = acceptedSuggestions(json.get("acceptedSuggestions"), at + "/acceptedSuggestions", outcome, errors);
    var overrideReason = overrideReason(json.get("overrideReason"), at + "/overrideReason", errors);
    var timestamp = timestamp(json.get("outcomeTimestamp"), at + "/outcomeTimestamp", errors);
    return errors.size() > before ? null : new FeedbackItem(card, outcome, accepted, overrideReason, timestamp);
  }

  private static List<AcceptedSuggestion> acceptedSuggestions(JsonNode json, String at, FeedbackOutcome outcome,
      List<FieldError> errors) {
    if (json == null || json.isNull()) {
      if (outcome == FeedbackOutcome.ACCEPTED) {
        errors.add(new FieldError(at, "is required when outcome is accepted"));
      }
      return List.of();
    }
    if (!json.isArray() || (json.isEmpty() && outcome == FeedbackOutcome.ACCEPTED)) {
      errors.add(new FieldError(at, "must be a non-empty array of {\"id\": <suggestion uuid>}"));
      return List.of();
    }
    if (json.size() > FeedbackLimits.MAX_SUGGESTIONS) {
      errors.add(new FieldError(at, "has more than " + FeedbackLimits.MAX_SUGGESTIONS + " entries"));
      return List.of();
    }
    var accepted = new ArrayList<AcceptedSuggestion>();
    for (int j = 0; j < json.size(); j++) {
      var id = text(json.get(j), "id", at + "/" + j, errors, "is required (the uuid of the suggestion)",
          FeedbackLimits.MAX_ID_LENGTH);
      accepted.add(new AcceptedSuggestion(id));
    }
    return accepted;
  }

  private static OverrideReason overrideReason(JsonNode json, String at, List<FieldError> errors) {
    if (json == null || json.isNull()) {
      return null;
    }
    if (!json.isObject()) {
      errors.add(new FieldError(at, "must be an object"));
      return null;
    }
    // CDS Hooks 2.0: reason is present only when the user picked one from the service's list; an override with only
    // a userComment is valid (issue 13, item 5)
    var reason = json.get("reason");
    Coding coding = null;
    if (reason != null && !reason.isNull() && !reason.isObject()) {
      errors.add(new FieldError(at + "/reason", "must be a Coding with system and code"));
    } else if (reason != null && reason.isObject()) {
      coding = new Coding(
          text(reason, "system", at + "/reason", errors, "is required", FeedbackLimits.MAX_CODING_TEXT_LENGTH),
          text(reason, "code", at + "/reason", errors, "is required", FeedbackLimits.MAX_CODE_LENGTH),
          optionalText(reason, "display", at + "/reason", errors, FeedbackLimits.MAX_CODING_TEXT_LENGTH));
    }
    var comment = optionalText(json, "userComment", at, errors, FeedbackLimits.MAX_COMMENT_LENGTH);
    return new OverrideReason(coding, comment);
  }

  private static Instant timestamp(JsonNode json, String at, List<FieldError> errors) {
    if (json == null || !json.isTextual()) {
      errors.add(new FieldError(at, "is required (RFC 3339, e.g. 2025-05-01T10:00:00Z)"));
      return null;
    }
    try {
      return OffsetDateTime.parse(json.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(at, "must be an RFC 3339 date-time with offset, e.g. 2025-05-01T10:00:00Z"));
      return null;
    }
  }

  private static String text(JsonNode json, String field, String at, List<FieldError> errors, String detail,
      int maxLength) {
    var value = json == null ? null : json.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      errors.add(new FieldError(at + "/" + field, detail));
      return null;
    }
    return bounded(value.textValue(), at + "/" + field, errors, maxLength);
  }

  private static String optionalText(JsonNode json, String field, String at, List<FieldError> errors, int maxLength) {
    var value = json.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add(new FieldError(at + "/" + field, "must be a string"));
      return null;
    }
    return bounded(value.textValue(), at + "/" + field, errors, maxLength);
  }

  private static String bounded(String value, String pointer, List<FieldError> errors, int maxLength) {
    if (value.length() > maxLength) {
      errors.add(new FieldError(pointer, "is longer than " + maxLength + " characters"));
      return null;
    }
    return value;
  }
}
