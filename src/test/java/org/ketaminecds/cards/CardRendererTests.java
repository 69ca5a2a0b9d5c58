package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.junit.jupiter.api.Test;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.cql.EvaluationResult;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.runtime.Concept;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Interval;
import org.opencds.cqf.cql.engine.runtime.Quantity;
import org.opencds.cqf.cql.engine.runtime.Tuple;

class CardRendererTests {

  final ObjectMapper mapper = new JacksonConfig().hookObjectMapper();
  final CardRenderer renderer = new CardRenderer(FhirContext.forR4Cached(), mapper);

  @Test
  void omitsTheCardWhenTheConditionIsFalseNullOrAnEmptyList() {
    var rule = rule("""
        {"summary": "Fired", "indicator": "info", "source": {"label": "Test"}}""");

    assertThat(renderer.render(rule, result("Condition", false))).isEmpty();
    assertThat(renderer.render(rule, result("Condition", null))).isEmpty();
    assertThat(renderer.render(rule, result("Condition", List.of()))).isEmpty();
  }

  @Test
  void firesOnTrueAndOnANonEmptyList() {
    var rule = rule("""
        {"summary": "Fired", "indicator": "info", "source": {"label": "Test"}}""");

    assertThat(renderer.render(rule, result("Condition", true))).isPresent();
    assertThat(renderer.render(rule, result("Condition", List.of(new Condition())))).isPresent();
  }

  @Test
  void interpolatesTheSummaryAndTheDetail() {
    var rule = rule("""
        {"summary": "Contraindicated: ${Name:40}", "detail": "Because:\\n${Reasons}", "indicator": "critical",
         "source": {"label": "Label"}}""");

    var card = renderer.render(rule, result("Condition", true, "Name", "aneurysm",
        "Reasons", List.of("- one", "- two"))).orElseThrow();

    assertThat(card.summary()).isEqualTo("Contraindicated: aneurysm");
    assertThat(card.detail()).isEqualTo("Because:\n- one\n- two");
    assertThat(card.indicator()).isEqualTo(Indicator.CRITICAL);
    assertThat(card.source().label()).isEqualTo("Label");
    assertThat(card.ruleId()).isEqualTo("rule-1");
  }

  @Test
  void cutsAValueLongerThanItsWidthWithAnEllipsis() {
    var rule = rule("""
        {"summary": "[${Name:10}]", "indicator": "info", "source": {"label": "Test"}}""");

    assertThat(summary(rule, "abcdefghijKLM")).isEqualTo("[abcdefghi…]");
    assertThat(summary(rule, "abcdefghij")).isEqualTo("[abcdefghij]");
    assertThat(summary(rule, "😀😀😀😀😀😀😀😀😀😀😀")).isEqualTo("[😀😀😀😀😀😀😀😀😀…]");
  }

  @Test
  void keepsTheRenderedSummaryWithinTheWidthsTheLoaderChecked() {
    var rule = rule("""
        {"summary": "Contraindicated: ${Name:60} ${Other:61}", "indicator": "info", "source": {"label": "Test"}}""");

    var card = renderer.render(rule, result("Condition", true, "Name", "x".repeat(500), "Other", "y".repeat(500)))
        .orElseThrow();

    assertThat(card.summary().codePointCount(0, card.summary().length())).isEqualTo(139);
  }

  @Test
  void rendersEveryCqlValueTypeAsText() {
    var tuple = new Tuple();
    var elements = new LinkedHashMap<String, Object>();
    elements.put("drug", "sertraline");
    elements.put("days", 60);
    tuple.setElements(elements);
    var code = new Code().withCode("I71.4").withSystem("http://hl7.org/fhir/sid/icd-10-cm");

    assertThat(CqlValues.text("as is")).isEqualTo("as is");
    assertThat(CqlValues.text(42)).isEqualTo("42");
    assertThat(CqlValues.text(new BigDecimal("56.00000000"))).isEqualTo("56");
    assertThat(CqlValues.text(new BigDecimal("0.50"))).isEqualTo("0.5");
    assertThat(CqlValues.text(new BigDecimal("1E+2"))).isEqualTo("100");
    assertThat(CqlValues.text(true)).isEqualTo("true");
    assertThat(CqlValues.text(new Date(LocalDate.of(2025, 3, 2)))).isEqualTo("2025-03-02");
    assertThat(CqlValues.text(new DateTime(OffsetDateTime.parse("2025-03-02T10:15:30Z"))))
        .startsWith("2025-03-02T10:15:30");
    assertThat(CqlValues.text(new Quantity().withValue(new BigDecimal("56.0")).withUnit("mg"))).isEqualTo("56 mg");
    assertThat(CqlValues.text(new Quantity().withValue(new BigDecimal("3")).withUnit("1"))).isEqualTo("3");
    assertThat(CqlValues.text(code)).isEqualTo("I71.4");
    assertThat(CqlValues.text(code.withDisplay("Abdominal aortic aneurysm"))).isEqualTo("Abdominal aortic aneurysm");
    assertThat(CqlValues.text(new Concept().withCode(new Code().withCode("F33.2")))).isEqualTo("F33.2");
    assertThat(CqlValues.text(new Concept().withDisplay("Major depression").withCode(code))).isEqualTo("Major depression");
    assertThat(CqlValues.text(new Interval(new Date(LocalDate.of(2025, 1, 1)), true, new Date(LocalDate.of(2025, 3, 1)), true)))
        .isEqualTo("2025-01-01 – 2025-03-01");
    assertThat(CqlValues.text(new Interval(3, true, null, true))).isEqualTo("3 – …");
    assertThat(CqlValues.text(tuple)).isEqualTo("drug: sertraline, days: 60");
    assertThat(CqlValues.text(List.of("- a", "- b"))).isEqualTo("- a\n- b");
    assertThat(CqlValues.text(null)).isEmpty();
    assertThat(CqlValues.text(new DateType("2025-02-03"))).isEqualTo("2025-02-03");
    assertThat(CqlValues.text(new CodeableConcept().setText("Pregnancy"))).isEqualTo("Pregnancy");
    assertThat(CqlValues.text(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding().setCode("Z33.1"))))
        .isEqualTo("Z33.1");
    assertThat(CqlValues.text(new Condition().setId("Condition/c1"))).isEqualTo("Condition/c1");
  }

  @Test
  void rendersANullValueAsNothingNeverAsNull() {
    var rule = rule("""
        {"summary": "Dose ${Name:10} today", "indicator": "info", "source": {"label": "Test"}}""");

    assertThat(summary(rule, null)).isEqualTo("Dose  today");
  }

  @Test
  void givesEveryCardAndSuggestionItsOwnUuid() {
    var rule = rule(SUGGESTING_CARD);
    var values = result("Condition", true, "Draft", "MedicationRequest/m1", "When", new Date(LocalDate.of(2025, 5, 1)));

    var first = renderer.render(rule, values).orElseThrow();
    var second = renderer.render(rule, values).orElseThrow();

    assertThat(first.uuid()).isNotBlank().isNotEqualTo(second.uuid());
    assertThat(first.suggestions()).extracting(Suggestion::uuid).doesNotContainNull().doesNotHaveDuplicates()
        .doesNotContain(second.suggestions().get(0).uuid());
  }

  @Test
  void rendersActionsWithInterpolatedResourcesAsValidFhir() {
    var card = renderer.render(rule(SUGGESTING_CARD), result("Condition", true, "Draft", "MedicationRequest/m1",
        "When", new Date(LocalDate.of(2025, 5, 1)))).orElseThrow();

    var actions = card.suggestions().get(0).actions();
    assertThat(actions).extracting(Action::type).containsExactly(ActionType.DELETE, ActionType.CREATE);
    assertThat(actions.get(0).resourceId()).isEqualTo("MedicationRequest/m1");
    var resource = actions.get(1).resource();
    assertThat(resource.path("resourceType").asText()).isEqualTo("ServiceRequest");
    assertThat(resource.path("occurrenceDateTime").asText()).isEqualTo("2025-05-01");
    assertThat(resource.has("note")).as("a value that rendered empty is dropped").isFalse();
    assertThat(card.selectionBehavior()).isEqualTo(SelectionBehavior.AT_MOST_ONE);
  }

  @Test
  void givesOneDeleteActionPerDraftWhenTheResourceIdIsAList() {
    var rule = rule("""
        {"summary": "Contraindicated", "indicator": "critical", "source": {"label": "Label"},
         "selectionBehavior": "at-most-one",
         "suggestions": [ {"label": "Remove the drafts", "isRecommended": true, "actions": [
           {"type": "delete", "description": "Remove the draft order (${Drafts})", "resourceId": "${Drafts}"} ] } ] }""");

    var card = renderer.render(rule, result("Condition", true,
        "Drafts", List.of("MedicationRequest/m1", "MedicationRequest/m2"))).orElseThrow();

    var actions = card.suggestions().get(0).actions();
    assertThat(actions).extracting(Action::type).containsExactly(ActionType.DELETE, ActionType.DELETE);
    assertThat(actions).extracting(Action::resourceId).containsExactly("MedicationRequest/m1", "MedicationRequest/m2");
    assertThat(actions).extracting(Action::description)
        .containsExactly("Remove the draft order (MedicationRequest/m1)", "Remove the draft order (MedicationRequest/m2)");
  }

  @Test
  void givesOneDeleteActionForASingleDraftList() {
    var rule = rule("""
        {"summary": "Contraindicated", "indicator": "critical", "source": {"label": "Label"},
         "suggestions": [ {"label": "Remove the draft", "actions": [
           {"type": "delete", "description": "Remove ${Drafts}", "resourceId": "${Drafts}"} ] } ] }""");

    var card = renderer.render(rule, result("Condition", true, "Drafts", List.of("MedicationRequest/m1")))
        .orElseThrow();

    assertThat(card.suggestions().get(0).actions()).singleElement().satisfies(action -> {
      assertThat(action.resourceId()).isEqualTo("MedicationRequest/m1");
      assertThat(action.description()).isEqualTo("Remove MedicationRequest/m1");
    });
  }

  @Test
  void degradesADeleteActionWhoseResourceIdListIsEmpty() {
    var rendered = renderer.render(List.of(rule("""
        {"summary": "Contraindicated", "indicator": "critical", "source": {"label": "Label"},
         "suggestions": [ {"label": "Remove the draft", "actions": [
           {"type": "delete", "description": "Remove ${Drafts}", "resourceId": "${Drafts}"} ] } ] }""")),
        result("Condition", true, "Drafts", List.of()));

    assertThat(rendered.degraded()).extracting(DegradedRule::reason).containsExactly("action resourceId rendered empty");
  }

  @Test
  void leavesOutEmptyFieldsOnTheWire() throws Exception {
    var rule = rule("""
        {"summary": "Fired", "detail": "${Nothing}", "indicator": "info", "source": {"label": "Test"},
         "selectionBehavior": "any"}""");

    var card = renderer.render(rule, result("Condition", true, "Nothing", null)).orElseThrow();
    JsonNode json = mapper.readTree(mapper.writeValueAsString(card));

    assertThat(json.has("detail")).isFalse();
    assertThat(json.has("suggestions")).isFalse();
    assertThat(json.has("selectionBehavior")).as("no suggestions, no selectionBehavior").isFalse();
    assertThat(json.has("links")).isFalse();
    assertThat(json.has("overrideReasons")).isFalse();
    assertThat(json.has("ruleId")).isFalse();
    assertThat(json.path("uuid").asText()).isNotBlank();
    json.fields().forEachRemaining(field -> assertThat(field.getValue().isNull()).as(field.getKey()).isFalse());
  }

  @Test
  void degradesARuleWhoseConditionFailed() {
    var failures = Map.of("Condition", "FHIRHelpers.ToQuantity failed");

    var rendered = renderer.render(List.of(rule("""
        {"summary": "Fired", "indicator": "info", "source": {"label": "Test"}}""")),
        new EvaluationResult(new HashMap<>(), failures));

    assertThat(rendered.cards()).isEmpty();
    assertThat(rendered.degraded()).containsExactly(
        new DegradedRule("rule-1", "conditionExpression 'Condition' failed: FHIRHelpers.ToQuantity failed"));
  }

  @Test
  void degradesAFiredRuleWhoseTemplateNeedsAFailedDefineAndKeepsTheOthers() {
    var values = new HashMap<String, Object>(Map.of("Condition", true, "Other", true));
    var result = new EvaluationResult(values, Map.of("Name", "division by zero"));
    var broken = rule("""
        {"summary": "About ${Name:20}", "indicator": "info", "source": {"label": "Test"}}""");
    var healthy = new CardRule("rule-2", "Other", rule("""
        {"summary": "Fine", "indicator": "info", "source": {"label": "Test"}}""").card(), null);

    var response = renderer.render(List.of(broken, healthy), result).toResponse();

    assertThat(response.cards()).extracting(Card::ruleId).containsExactly("rule-2");
    var extension = response.extension().get(RenderedCards.DEGRADED_RULES_EXTENSION);
    assertThat(extension).singleElement().satisfies(degraded -> {
      assertThat(degraded.path("rule").asText()).isEqualTo("rule-1");
      assertThat(degraded.path("reason").asText()).isEqualTo("define 'Name' failed: division by zero");
    });
  }

  @Test
  void doesNotDegradeARuleThatDidNotFire() {
    var result = new EvaluationResult(new HashMap<>(Map.of("Condition", false)), Map.of("Name", "failed"));

    var rendered = renderer.render(List.of(rule("""
        {"summary": "About ${Name:20}", "indicator": "info", "source": {"label": "Test"}}""")), result);

    assertThat(rendered.cards()).isEmpty();
    assertThat(rendered.degraded()).isEmpty();
    assertThat(rendered.toResponse().extension()).isEmpty();
  }

  @Test
  void degradesAConditionThatIsNeitherBooleanNorList() {
    var rendered = renderer.render(List.of(rule("""
        {"summary": "Fired", "indicator": "info", "source": {"label": "Test"}}""")), result("Condition", 3));

    assertThat(rendered.degraded()).extracting(DegradedRule::reason)
        .containsExactly("conditionExpression 'Condition' returned Integer, not Boolean or List");
  }

  @Test
  void degradesARuleWhoseActionResourceIsNotValidFhir() {
    var rendered = renderer.render(List.of(rule(SUGGESTING_CARD)),
        result("Condition", true, "Draft", "MedicationRequest/m1", "When", "next tuesday"));

    assertThat(rendered.cards()).isEmpty();
    assertThat(rendered.degraded()).extracting(DegradedRule::reason)
        .containsExactly("action resource is not valid FHIR R4 after interpolation");
  }

  @Test
  void degradesARuleWhoseRequiredTextRendersEmpty() {
    var rendered = renderer.render(List.of(rule(SUGGESTING_CARD)),
        result("Condition", true, "Draft", null, "When", new Date(LocalDate.of(2025, 5, 1))));

    assertThat(rendered.degraded()).extracting(DegradedRule::reason).containsExactly("action resourceId rendered empty");
  }

  static final String SUGGESTING_CARD = """
      {"summary": "Review the order", "indicator": "warning", "source": {"label": "Test"},
       "selectionBehavior": "at-most-one",
       "suggestions": [ {"label": "Replace the order", "isRecommended": true, "actions": [
         {"type": "delete", "description": "Remove the draft", "resourceId": "${Draft}"},
         {"type": "create", "description": "Order monitoring", "resource": {
            "resourceType": "ServiceRequest", "status": "draft", "intent": "proposal",
            "subject": {"reference": "Patient/p1"}, "occurrenceDateTime": "${When}",
            "note": [ {"text": "${Nothing}"} ] } } ] } ] }""";

  private String summary(CardRule rule, Object name) {
    return renderer.render(rule, result("Condition", true, "Name", name)).orElseThrow().summary();
  }

  private CardRule rule(String cardJson) {
    try {
      return new CardRule("rule-1", "Condition", mapper.readValue(cardJson, CardTemplate.class), null);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static EvaluationResult result(Object... namesAndValues) {
    var values = new HashMap<String, Object>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    values.putIfAbsent("Nothing", null);
    return new EvaluationResult(values, Map.of());
  }
}
