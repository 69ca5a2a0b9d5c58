package org.ketaminecds.definition;

import java.util.Set;
import org.ketaminecds.cards.ActionTemplate;
import org.ketaminecds.cards.ActionType;
import org.ketaminecds.cards.CardRule;
import org.ketaminecds.cards.CardTemplate;
import org.ketaminecds.cards.Coding;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.cards.RepeatPolicy;
import org.ketaminecds.cards.TextTemplate;

/** Start-up checks of one card rule: defines exist, the card is spec-valid whatever the CQL returns. */
final class CardRuleValidator {

  /** A card summary must stay under 140 characters (CDS Hooks 2.0 §Card). */
  static final int SUMMARY_LIMIT = 139;

  /** The defines of the service's library, for checking names. */
  record Defines(String library, Set<String> names) {}

  private final Set<String> fhirResourceTypes;

  CardRuleValidator(Set<String> fhirResourceTypes) {
    this.fhirResourceTypes = fhirResourceTypes;
  }

  void validate(CardRule rule, String path, Defines defines, ValidationErrors errors) {
    if (rule == null) {
      errors.add(path, "must be a card rule object");
      return;
    }
    errors.requireText(path + ".id", rule.id());
    if (rule.conditionExpression() == null || rule.conditionExpression().isBlank()) {
      errors.add(path + ".conditionExpression", "is required");
    } else if (defines != null && !defines.names().contains(rule.conditionExpression())) {
      errors.add(path + ".conditionExpression",
          "unknown define \"" + rule.conditionExpression() + "\" in library " + defines.library());
    }
    var card = rule.card();
    if (card == null) {
      errors.add(path + ".card", "is required");
      return;
    }
    var cardPath = path + ".card";
    templates(card, cardPath, defines, errors);
    summary(card.summary(), cardPath + ".summary", errors);
    if (card.indicator() == null) {
      errors.add(cardPath + ".indicator", "must be one of info, warning, critical");
    }
    source(card, cardPath + ".source", errors);
    links(card, cardPath, errors);
    suggestions(card, cardPath, errors);
    for (int i = 0; i < card.overrideReasons().size(); i++) {
      coding(card.overrideReasons().get(i), cardPath + ".overrideReasons[" + i + "]", true, errors);
    }
    repeat(rule.repeat(), card.indicator(), path + ".repeat", errors);
  }

  /** A reminder that does not repeat: only an info card, for 1 to 365 quiet days. */
  private static void repeat(RepeatPolicy repeat, Indicator indicator, String path, ValidationErrors errors) {
    if (repeat == null) {
      return;
    }
    if (indicator != null && indicator != Indicator.INFO) {
      errors.add(path, "is only allowed on an info card (this card is " + indicator.wire()
          + "): a warning or critical card must be shown on every order");
    }
    var days = repeat.quietDays();
    if (days == null || days < 1 || days > RepeatPolicy.MAX_QUIET_DAYS) {
      errors.add(path + ".quietDays", "must be a whole number of days from 1 to " + RepeatPolicy.MAX_QUIET_DAYS);
    }
  }

  private static void templates(CardTemplate card, String path, Defines defines, ValidationErrors errors) {
    card.templates().forEach((field, template) -> {
      if (template.hasUnclosedPlaceholder()) {
        errors.add(path + "." + field, "has a \"${\" that is never closed");
      }
      for (var placeholder : template.placeholders()) {
        var name = placeholder.expression();
        if (name.isEmpty()) {
          errors.add(path + "." + field, "has an empty ${}");
        } else if (defines != null && !defines.names().contains(name)) {
          errors.add(path + "." + field, "unknown define \"" + name + "\" in ${" + name + "} (library " + defines.library() + ")");
        }
        if (placeholder.width() != null && placeholder.width() < 1) {
          errors.add(path + "." + field, "${" + name + ":" + placeholder.width() + "} needs a width of at least 1");
        }
      }
    });
  }

  private static void summary(String summary, String path, ValidationErrors errors) {
    if (summary == null || summary.isBlank()) {
      errors.add(path, "is required");
      return;
    }
    var template = TextTemplate.parse(summary);
    for (var placeholder : template.placeholders()) {
      if (placeholder.width() == null) {
        errors.add(path, "${" + placeholder.expression() + "} needs a maximum width in a summary, e.g. ${"
            + placeholder.expression() + ":40}");
      }
    }
    var max = template.maxLength();
    if (max.isPresent() && max.getAsInt() > SUMMARY_LIMIT) {
      errors.add(path, "can reach " + max.getAsInt() + " characters (limit " + SUMMARY_LIMIT + ")");
    }
  }

  private static void source(CardTemplate card, String path, ValidationErrors errors) {
    var source = card.source();
    if (source == null) {
      errors.add(path, "is required ({\"label\": \"...\"})");
      return;
    }
    errors.requireText(path + ".label", source.label());
    errors.requireStatic(path + ".label", source.label());
    errors.requireStatic(path + ".url", source.url());
    errors.requireStatic(path + ".icon", source.icon());
    if (source.topic() != null) {
      coding(source.topic(), path + ".topic", false, errors);
    }
  }

  private static void links(CardTemplate card, String path, ValidationErrors errors) {
    for (int i = 0; i < card.links().size(); i++) {
      var link = card.links().get(i);
      var linkPath = path + ".links[" + i + "]";
      if (link == null) {
        errors.add(linkPath, "must be a link object");
        continue;
      }
      errors.requireText(linkPath + ".label", link.label());
      errors.requireText(linkPath + ".url", link.url());
      if (!"absolute".equals(link.type()) && !"smart".equals(link.type())) {
        errors.add(linkPath + ".type", "must be one of absolute, smart");
      }
      errors.requireStatic(linkPath + ".appContext", link.appContext());
    }
  }

  private void suggestions(CardTemplate card, String path, ValidationErrors errors) {
    if (!card.suggestions().isEmpty() && card.selectionBehavior() == null) {
      errors.add(path + ".selectionBehavior", "is required when suggestions are present (at-most-one, any)");
    }
    for (int s = 0; s < card.suggestions().size(); s++) {
      var suggestion = card.suggestions().get(s);
      var suggestionPath = path + ".suggestions[" + s + "]";
      if (suggestion == null) {
        errors.add(suggestionPath, "must be a suggestion object");
        continue;
      }
      errors.requireText(suggestionPath + ".label", suggestion.label());
      for (int a = 0; a < suggestion.actions().size(); a++) {
        action(suggestion.actions().get(a), suggestionPath + ".actions[" + a + "]", errors);
      }
    }
  }

  private void action(ActionTemplate action, String path, ValidationErrors errors) {
    if (action == null) {
      errors.add(path, "must be an action object");
      return;
    }
    errors.requireText(path + ".description", action.description());
    if (action.type() == null) {
      errors.add(path + ".type", "must be one of create, update, delete");
    } else if (action.type() == ActionType.DELETE) {
      errors.requireText(path + ".resourceId", action.resourceId());
    } else if (action.resource() == null) {
      errors.add(path + ".resource", "is required for " + action.type().wire());
    }
    if (action.resource() != null) {
      var type = action.resource().path("resourceType");
      if (!action.resource().isObject()) {
        errors.add(path + ".resource", "must be a FHIR resource object");
      } else if (!type.isTextual() || !fhirResourceTypes.contains(type.textValue())) {
        errors.add(path + ".resource.resourceType", "must name a FHIR R4 resource type");
      }
    }
  }

  private static void coding(Coding coding, String path, boolean displayRequired, ValidationErrors errors) {
    if (coding == null) {
      errors.add(path, "must be a coding object");
      return;
    }
    errors.requireText(path + ".system", coding.system());
    errors.requireText(path + ".code", coding.code());
    if (displayRequired && (coding.display() == null || coding.display().isBlank())) {
      errors.add(path + ".display", "is required (CDS Hooks 2.0: override reasons need a display)");
    }
    errors.requireStatic(path + ".system", coding.system());
    errors.requireStatic(path + ".code", coding.code());
    errors.requireStatic(path + ".display", coding.display());
  }
}
