package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketaminecds.definition.ContentExamples;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Codes as EHRs send them give the same cards as codes as the value sets write them: every example case, with every
 * coding of its request written in another form an EHR uses, returns the same cards (rule and summary). The same
 * settings as {@link ServiceExamplesContentTests}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class CodeFormsContentTests {

  private static final Map<String, String> OIDS = Map.of(
      "http://www.nlm.nih.gov/research/umls/rxnorm", "urn:oid:2.16.840.1.113883.6.88",
      "http://snomed.info/sct", "urn:oid:2.16.840.1.113883.6.96",
      "http://loinc.org", "urn:oid:2.16.840.1.113883.6.1",
      "http://hl7.org/fhir/sid/icd-10-cm", "urn:oid:2.16.840.1.113883.6.90");

  /** One form of writing codes. */
  enum CodeForm {
    ICD10CM_WITHOUT_DOTS(coding -> {
      if ("http://hl7.org/fhir/sid/icd-10-cm".equals(coding.path("system").asText())
          && coding.path("code").asText().contains(".")) {
        coding.put("code", coding.path("code").asText().replace(".", ""));
      }
    }),
    SYSTEMS_AS_OIDS(coding -> {
      var oid = OIDS.get(coding.path("system").asText());
      if (oid != null) {
        coding.put("system", oid);
      }
    });

    final Consumer<ObjectNode> apply;

    CodeForm(Consumer<ObjectNode> apply) {
      this.apply = apply;
    }
  }

  /** The cards of each case as written, computed once for both forms. */
  private static final Map<String, List<String>> AS_WRITTEN = new ConcurrentHashMap<>();

  @Autowired HookEvaluation evaluation;

  @ParameterizedTest
  @EnumSource(CodeForm.class)
  void givesEveryExampleCaseTheSameCards(CodeForm form) {
    var failures = new ArrayList<String>();
    var changed = 0;
    for (var example : ContentExamples.all()) {
      var request = example.freshRequest();
      var before = request.toString();
      codings(request, form.apply);
      if (before.equals(request.toString())) {
        continue;
      }
      changed++;
      var expected = AS_WRITTEN.computeIfAbsent(example.service() + "/" + example.name(),
          key -> cards(example.service(), example.freshRequest()));
      var actual = cards(example.service(), request);
      if (!actual.equals(expected)) {
        failures.add(example.service() + "/" + example.name() + ": " + actual + " instead of " + expected);
      }
    }

    assertThat(changed).as("example cases with codes this form rewrites").isPositive();
    assertThat(failures).as(form + " changed the cards of " + failures.size() + " of " + changed + " cases").isEmpty();
  }

  private List<String> cards(String service, ObjectNode request) {
    return evaluation.evaluate(service, request, Set.of()).cards().stream()
        .map(card -> card.ruleId() + ": " + card.summary()).sorted().toList();
  }

  /** Every object with a system and a code, anywhere in the request (prefetch and draft orders). */
  private static void codings(JsonNode node, Consumer<ObjectNode> action) {
    if (node instanceof ObjectNode object) {
      if (object.path("system").isTextual() && object.path("code").isTextual()) {
        action.accept(object);
      }
      object.elements().forEachRemaining(child -> codings(child, action));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> codings(child, action));
    }
  }
}
