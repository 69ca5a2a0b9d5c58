package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketaminecds.definition.ContentExamples;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One chart, one treatment-resistance answer: the clinician who opens the chart (depression-chart-review, patient-view)
 * and the one who signs a SPRAVATO order (ketamine-order-check, order-sign) must read the same TRD status and trial
 * counts from the same records. Every chart-review example case is sent to the order check as an order-sign request
 * with the same patient and records and a SPRAVATO 56 mg draft; every order-check case whose draft is SPRAVATO is sent
 * to the chart review as a patient-view request. Both services name the shared TreatmentResistance library, so a
 * difference means the two services do not see one chart alike (what they prefetch, how the request is read, a define
 * one of them overrides). Failures name the cases and both answers.
 * The same settings as {@link ServiceExamplesContentTests}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class SameChartSameTrdContentTests {

  /** The TRD answer: the status, and the counts and reason the cards show (each service names them alike). */
  static final Set<String> TRD_DEFINES = Set.of("TRD Status", "Adequate Trial Count", "Confirmed Trial Count",
      "TRD Not Met Reason");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** In a case's expectations: a TRD card rule (trd-met...) or define ("TRD Status"...). */
  private static final Pattern ABOUT_TRD = Pattern.compile("\"trd-|\"TRD ");

  /** The records both services prefetch alike (same key, same query in the two service definitions). */
  private static final List<String> SHARED_KEYS = List.of("patient", "conditions", "medicationRequests",
      "medicationDispenses", "medicationStatements", "allergies");

  /** A direction: which cases, and how one becomes a request to the other service. */
  enum Direction {
    CHART_REVIEW_TO_ORDER_CHECK(ContentExamples.CHART_REVIEW, ContentExamples.ORDER_CHECK,
        SameChartSameTrdContentTests::orderSign),
    ORDER_CHECK_TO_CHART_REVIEW(ContentExamples.ORDER_CHECK, ContentExamples.CHART_REVIEW,
        SameChartSameTrdContentTests::patientView);

    final String from;
    final String to;
    final Function<ObjectNode, ObjectNode> translate;

    Direction(String from, String to, Function<ObjectNode, ObjectNode> translate) {
      this.from = from;
      this.to = to;
      this.translate = translate;
    }
  }

  @Autowired HookEvaluation evaluation;

  @ParameterizedTest
  @EnumSource(Direction.class)
  void sameChartGetsTheSameTrdAnswerInBothServices(Direction direction) {
    var cases = ContentExamples.all().stream().filter(e -> e.service().equals(direction.from))
        .filter(e -> comparable(direction, e)).toList();
    var differences = cases.parallelStream().map(example -> {
      var original = example.freshRequest();
      var there = trd(direction.to, direction.translate.apply(original.deepCopy()));
      var here = trd(direction.from, original);
      return here.equals(there) ? null
          : example.name() + "\n    " + direction.from + ": " + here + "\n    " + direction.to + ": " + there;
    }).filter(Objects::nonNull).sorted().toList();

    assertThat(cases).as(direction.from + " cases compared").hasSizeGreaterThan(50);
    assertThat(differences).as(differences.size() + " of " + cases.size() + " " + direction.from
        + " cases get another TRD answer from " + direction.to + ":\n  " + String.join("\n  ", differences)).isEmpty();
  }

  /**
   * Which cases are compared: every chart-review case, and the order-check cases about TRD (their expectations name a
   * TRD card or define: about 300 of 1,300; the other cases' charts are built of the same kinds of trial records, and
   * all of them would take the test past a minute) whose only draft is SPRAVATO (esketamine is what the chart review
   * weighs TRD for); a case on order-select is compared too (the TRD answer does not depend on the hook).
   * Medication administrations are only the chart review's (optional key medicationAdministrations, read by its
   * "Recent Esketamine Session" alone): the order check has no such key, so they are dropped on the way there and
   * none are sent on the way back. The TRD library does not read them; if it ever does, the chart-review case with
   * administrations (chart-review-spravato-administration-no-trd-card) shows the two services no longer see one chart.
   */
  private static boolean comparable(Direction direction, ContentExamples.Example example) {
    if (direction == Direction.CHART_REVIEW_TO_ORDER_CHECK) {
      return true;
    }
    var request = example.request();
    var drafts = request.path("context").path("draftOrders").path("entry");
    return drafts.size() == 1 && drafts.get(0).path("resource").toString().contains("\"2201625\"")
        && "draft".equals(drafts.get(0).path("resource").path("status").asText())
        && ABOUT_TRD.matcher(expectations(example)).find();
  }

  private static String expectations(ContentExamples.Example example) {
    var file = ContentExamples.CONTENT.resolve("examples").resolve(example.service()).resolve(example.name() + ".json");
    try {
      return MAPPER.readTree(file.toFile()).path("expect").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, JsonNode> trd(String service, ObjectNode request) {
    var defines = evaluation.evaluate(service, request, TRD_DEFINES).defines();
    var answer = new java.util.TreeMap<String, JsonNode>();
    TRD_DEFINES.forEach(name -> answer.put(name, defines.failed(name) ? JSON.textNode("failed: "
        + defines.failures().get(name)) : DefineExpectations.json(defines.value(name))));
    return answer;
  }

  /** A chart-review request as an order-sign request: same patient and records, a SPRAVATO 56 mg draft. */
  static ObjectNode orderSign(ObjectNode patientView) {
    var patientId = patientView.path("context").path("patientId").asText();
    var request = JSON.objectNode().put("hook", "order-sign").put("hookInstance", UUID.randomUUID().toString());
    var context = request.putObject("context").put("userId", "Practitioner/prac-1").put("patientId", patientId);
    var draft = context.putObject("draftOrders").put("resourceType", "Bundle").put("type", "collection")
        .putArray("entry").addObject().putObject("resource").put("resourceType", "MedicationRequest")
        .put("id", "draft-esk-1").put("status", "draft").put("intent", "order");
    draft.putObject("subject").put("reference", "Patient/" + patientId);
    draft.put("authoredOn", LocalDate.now().toString());
    draft.putArray("dosageInstruction").addObject().put("text", "56 mg intranasally (2 devices, 5 minutes apart)")
        .putObject("route").put("text", "Nasal");
    var medication = draft.putObject("medicationCodeableConcept");
    medication.putArray("coding").addObject().put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
        .put("code", "2201625").put("display", "esketamine Nasal Spray [Spravato]");
    medication.put("text", "SPRAVATO 56 MG DOSE KIT NASAL SPRAY");
    var prefetch = request.putObject("prefetch");
    copyShared(patientView, prefetch);
    prefetch.set("bloodPressure", emptyBundle());
    prefetch.set("pregnancyObservations", emptyBundle());
    return request;
  }

  /** An order-check request as a patient-view request: same patient and records, no administrations. */
  static ObjectNode patientView(ObjectNode orderSign) {
    var request = JSON.objectNode().put("hook", "patient-view").put("hookInstance", UUID.randomUUID().toString());
    request.putObject("context").put("userId", "Practitioner/prac-1")
        .put("patientId", orderSign.path("context").path("patientId").asText());
    var prefetch = request.putObject("prefetch");
    copyShared(orderSign, prefetch);
    prefetch.set("medicationAdministrations", emptyBundle());
    return request;
  }

  private static void copyShared(ObjectNode from, ObjectNode prefetch) {
    SHARED_KEYS.stream().filter(key -> from.path("prefetch").has(key))
        .forEach(key -> prefetch.set(key, from.path("prefetch").get(key).deepCopy()));
  }

  private static ObjectNode emptyBundle() {
    var bundle = JSON.objectNode().put("resourceType", "Bundle").put("type", "searchset");
    bundle.putArray("entry");
    return bundle;
  }
}
