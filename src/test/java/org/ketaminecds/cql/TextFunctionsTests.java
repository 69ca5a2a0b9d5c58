package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.elm.r1.FunctionRef;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.relevance.ConceptText;
import org.ketaminecds.relevance.RecordTest;

/**
 * The resource filter's text gate reads medication texts only as the shipped content's medication-text function
 * builds them: the function is recognised by its compiled body, and the texts the filter tries always include the
 * one the engine computes.
 */
class TextFunctionsTests {

  @TempDir
  static Path content;

  private static CqlLibraries probe;

  @BeforeAll
  static void loadTheShippedFunctionWithAProbe() throws IOException {
    for (String name : List.of("KetamineCommon.cql", "KetamineConfig.cql", "KetamineTerminology.cql")) {
      Files.copy(Path.of("cql", name), content.resolve(name));
    }
    copyFolder(Path.of("cql", "vocabulary"), content.resolve("vocabulary"));
    Files.writeString(content.resolve("TextProbe.cql"), """
        library TextProbe version '1.0.0'
        using FHIR version '4.0.1'
        include FHIRHelpers version '4.0.1' called FHIRHelpers
        include KetamineCommon version '1.0.0' called Common
        context Patient
        define "Texts":
          [MedicationRequest] M return Tuple { id: M.id.value, text: Common."Medication Text"(M.medication) }
        define "Gated":
          [MedicationRequest] M where Matches(Coalesce(Common."Medication Text"(M.medication), ''), '(?s).*\\\\bzolpidem\\\\b.*')
        """);
    probe = CqlFixtures.load(content.toUri().toString(), Map.of());
  }

  @Test
  void theShippedMedicationTextFunctionIsRecognisedSoTheFilterReadsTexts() {
    var evaluator = new EngineCqlEvaluator(probe, CqlFixtures.FHIR);
    var needs = evaluator.dataNeeds("TextProbe", Set.of("Gated"));
    assertThat(needs.of("MedicationRequest")).singleElement()
        .satisfies(need -> assertThat(need.test()).as(
            "KetamineCommon.\"Medication Text\" is not recognised: review relevance.ConceptText against it, then add "
                + "its fingerprint %s to TextFunctions.KNOWN", fingerprint())
            .isInstanceOf(RecordTest.TextMatches.class));
  }

  @Test
  void everyTextTheEngineBuildsIsOneTheFilterTries() {
    List<Resource> chart = List.of(
        order("plain", concept("Zolpidem 10 MG Oral Tablet", null)),
        order("text-and-displays", concept("zolpidem", "Zolpidem tartrate 10 MG Oral Tablet [Ambien]", "ZOLPIDEM")),
        order("same-part-twice", concept("Ambien", "Ambien", "ambien")),
        order("display-only", concept(null, "Lunesta 2 MG Oral Tablet")),
        order("text-only", concept("Sertraline 50 mg daily", (String[]) null)),
        order("reference", new Reference("Medication/m1").setDisplay("Eszopiclone 3 MG")),
        order("nothing", new CodeableConcept()));
    var request = new EvaluationRequest("TextProbe", "p1", chart, Set.of("Texts"), Map.of(), ZonedDateTime.now());
    var texts = (List<?>) new EngineCqlEvaluator(probe, CqlFixtures.FHIR).evaluate(request).values().get("Texts");
    assertThat(texts).hasSize(chart.size());
    var view = new ArrayList<String>();
    for (Object row : texts) {
      var tuple = (org.opencds.cqf.cql.engine.runtime.Tuple) row;
      String id = (String) tuple.getElement("id");
      String text = (String) tuple.getElement("text");
      var resource = chart.stream().filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst().orElseThrow();
      List<String> parts = new HapiResourceView(resource, EngineCqlEvaluator.modelResolverFor(CqlFixtures.FHIR))
          .texts("medication");
      view.add(id);
      if (text == null) {
        assertThat(ConceptText.mayMatch(parts, Pattern.compile(".+"))).as(id).isFalse();
      } else {
        assertThat(ConceptText.mayMatch(parts, Pattern.compile(Pattern.quote(text)))).as(id + ": " + text).isTrue();
      }
    }
    assertThat(view).hasSize(chart.size());
  }

  private static String fingerprint() {
    var library = probe.library("TextProbe").orElseThrow();
    var elm = new ElmLibraries(probe.caches().all());
    var root = elm.byName("TextProbe").orElseThrow();
    var gated = ElmLibraries.definitions(root, "Gated").findFirst().orElseThrow();
    var query = (org.hl7.elm.r1.Query) gated.getExpression();
    var matches = (org.hl7.elm.r1.Matches) query.getWhere();
    var coalesce = (org.hl7.elm.r1.Coalesce) matches.getOperand().get(0);
    return new TextFunctions(elm).fingerprint((FunctionRef) coalesce.getOperand().get(0), root).orElse("none")
        + " (" + library.name() + ")";
  }

  private static MedicationRequest order(String id, org.hl7.fhir.r4.model.Type medication) {
    var order = new MedicationRequest();
    order.setId(id);
    order.setSubject(new Reference("Patient/p1"));
    order.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    order.setMedication(medication);
    return order;
  }

  private static CodeableConcept concept(String text, String... displays) {
    var concept = new CodeableConcept().setText(text);
    if (displays != null) {
      for (String display : displays) {
        concept.addCoding().setSystem("http://www.nlm.nih.gov/research/umls/rxnorm").setCode("1").setDisplay(display);
      }
    }
    return concept;
  }

  private static void copyFolder(Path source, Path target) throws IOException {
    try (var files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
  }
}
