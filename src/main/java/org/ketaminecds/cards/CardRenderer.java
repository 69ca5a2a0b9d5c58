package org.ketaminecds.cards;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.cql.EvaluationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns card rules and the CQL results of one invocation into spec-valid cards: a rule fires when its
 * condition is true or a non-empty list; its templates are interpolated; every card and suggestion gets
 * a fresh uuid; blank optional fields are left out. A rule whose condition failed, or that fired and
 * needs a failed define or renders an invalid action resource, is degraded: no card, reported instead.
 * Every card is then fitted to EHR screens ({@link CardFitting}: detail size limit, link allow-list).
 */
@Component
@EnableConfigurationProperties(CardPresentationProperties.class)
public class CardRenderer {

  private static final Logger log = LoggerFactory.getLogger(CardRenderer.class);

  private final ActionResources actionResources;
  private final CardFitting fitting;

  public CardRenderer(FhirContext fhirContext, @HookJson ObjectMapper mapper) {
    this(fhirContext, mapper, CardPresentationProperties.DEFAULTS);
  }

  @Autowired
  public CardRenderer(FhirContext fhirContext, @HookJson ObjectMapper mapper, CardPresentationProperties presentation) {
    this.actionResources = new ActionResources(fhirContext, mapper);
    this.fitting = new CardFitting(presentation);
  }

  public RenderedCards render(List<CardRule> rules, EvaluationResult result) {
    return render(rules, result, IncompleteHistory.none());
  }

  /**
   * As above; with truncated prefetch keys, each rule reading one is also reported degraded, a card it fires
   * says the history was incomplete, and a warning card saying so comes first.
   */
  public RenderedCards render(List<CardRule> rules, EvaluationResult result, IncompleteHistory incomplete) {
    var cards = new ArrayList<Card>();
    var degraded = new ArrayList<DegradedRule>();
    for (var rule : rules) {
      var cut = incomplete.readBy(rule);
      try {
        var card = render(rule, result);
        if (!cut.isEmpty()) {
          degraded.add(new DegradedRule(rule.id(), incomplete.degradedReason(cut)));
          card = card.map(c -> withNote(c, incomplete.cardNote(cut)));
        }
        card.map(fitting::fit).ifPresent(cards::add);
      } catch (RuleDegradedException e) {
        log.warn("rule {} degraded: {}", rule.id(), e.getMessage());
        degraded.add(new DegradedRule(rule.id(), e.getMessage()));
      }
    }
    if (incomplete.any() && !rules.isEmpty()) {
      var source = rules.get(0).card() == null ? null : rules.get(0).card().source();
      cards.add(0, incomplete.notice(source, degraded.stream().map(DegradedRule::rule).distinct().toList()));
    }
    return new RenderedCards(cards, degraded);
  }

  private static Card withNote(Card card, String note) {
    var detail = card.detail() == null ? note : card.detail() + "\n\n" + note;
    return new Card(card.uuid(), card.summary(), detail, card.indicator(), card.source(), card.suggestions(),
        card.selectionBehavior(), card.overrideReasons(), card.links(), card.ruleId());
  }

  /** The card of one rule, empty when its condition is false, null or an empty list. */
  Optional<Card> render(CardRule rule, EvaluationResult result) {
    if (!fires(rule.conditionExpression(), result)) {
      return Optional.empty();
    }
    var template = rule.card();
    var text = new CardInterpolation(result);
    var suggestions = template.suggestions().stream().map(s -> suggestion(s, text)).toList();
    return Optional.of(new Card(
        UUID.randomUUID().toString(),
        required(text.render(template.summary()), "summary"),
        blankToNull(text.render(template.detail())),
        template.indicator(),
        template.source(),
        suggestions,
        suggestions.isEmpty() ? null : template.selectionBehavior(),
        template.overrideReasons(),
        template.links().stream().map(l -> link(l, text)).toList(),
        rule.id()));
  }

  private static boolean fires(String condition, EvaluationResult result) {
    if (result.failed(condition)) {
      throw new RuleDegradedException("conditionExpression '" + condition + "' failed: " + result.failures().get(condition));
    }
    var value = result.value(condition);
    if (value != null && !(value instanceof Boolean) && !(value instanceof Iterable<?>)) {
      throw new RuleDegradedException("conditionExpression '" + condition + "' returned "
          + value.getClass().getSimpleName() + ", not Boolean or List");
    }
    // the same rule the evaluator stages by: what a card shows is evaluated only for a condition met
    return EvaluationRequest.met(value);
  }

  private Suggestion suggestion(SuggestionTemplate template, CardInterpolation text) {
    var actions = template.actions().stream().flatMap(a -> actions(a, text).stream()).toList();
    return new Suggestion(
        required(text.render(template.label()), "suggestion label"),
        UUID.randomUUID().toString(),
        template.isRecommended(),
        actions);
  }

  /**
   * The actions of one action template: one, or, for a {@code delete} whose {@code resourceId} is exactly one
   * placeholder of a define that is a list (e.g. every draft order a contraindication concerns), one per element,
   * each with the placeholder standing for that element in its description and resourceId. Before, the list rendered
   * as one resourceId of all elements, or a define naming only the first draft left the others undeleted.
   */
  private List<Action> actions(ActionTemplate template, CardInterpolation text) {
    var each = template.type() == ActionType.DELETE ? listPlaceholder(template.resourceId(), text) : null;
    if (each == null) {
      return List.of(action(template, text));
    }
    var actions = new ArrayList<Action>();
    for (var element : (Iterable<?>) text.result().value(each)) {
      if (!CqlValues.text(element).isBlank()) {
        actions.add(action(template, text.with(each, element)));
      }
    }
    if (actions.isEmpty()) {
      throw new RuleDegradedException("action resourceId rendered empty");
    }
    return actions;
  }

  /** The define named by a template that is exactly one placeholder without width, when its value is a list. */
  private static String listPlaceholder(String template, CardInterpolation text) {
    if (template == null) {
      return null;
    }
    var parts = TextTemplate.parse(template.strip()).parts();
    if (parts.size() != 1 || !(parts.get(0) instanceof TextTemplate.Placeholder placeholder)
        || placeholder.width() != null) {
      return null;
    }
    var name = placeholder.expression();
    return !text.result().failed(name) && text.result().value(name) instanceof Iterable<?> ? name : null;
  }

  private Action action(ActionTemplate template, CardInterpolation text) {
    return new Action(
        template.type(),
        required(text.render(template.description()), "action description"),
        template.resource() == null ? null : actionResources.render(template.resource(), text::render),
        template.type() == ActionType.DELETE
            ? required(text.render(template.resourceId()), "action resourceId")
            : blankToNull(text.render(template.resourceId())));
  }

  private static Link link(Link template, CardInterpolation text) {
    return new Link(
        required(text.render(template.label()), "link label"),
        required(text.render(template.url()), "link url"),
        template.type(),
        template.appContext());
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new RuleDegradedException(field + " rendered empty");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
