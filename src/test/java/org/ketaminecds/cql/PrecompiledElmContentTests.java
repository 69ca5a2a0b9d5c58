package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.codes.CanonicalCodes;
import org.ketaminecds.codes.MalformedValues;
import org.ketaminecds.config.FhirParserIssues;
import org.ketaminecds.definition.ContentExamples;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The packaged content: the build's precompiled ELM ({@code content/elm/}) is built from the packaged CQL, and reading
 * it gives the libraries, defines and parameter types that translating gives, and the same value for every define of
 * every library for the patients of the example cases ({@code cds-hooks/examples/}).
 */
class PrecompiledElmContentTests {

  private static final String PACKAGED_CQL = "classpath:content/cql/";

  private static CqlLibraryLoader.Report precompiled;
  private static CqlLibraryLoader.Report translated;

  @BeforeAll
  static void loadTheContentBothWays() {
    precompiled = CqlFixtures.loader(PACKAGED_CQL, Map.of(),
        PrecompiledElm.at(new DefaultResourceLoader(), PrecompiledElm.PACKAGED)).read();
    translated = CqlFixtures.loader(PACKAGED_CQL, Map.of()).read();
  }

  @Test
  void thePackagedElmIsBuiltFromThePackagedCql() {
    assertThat(precompiled.precompiled())
        .as("target/classes/content/elm/ matches the CQL (the build writes it in process-classes)").isTrue();
    assertThat(precompiled.problems()).isEmpty();
  }

  @Test
  void givesTheLibrariesDefinesVersionsAndParameterTypesThatTranslatingGives() {
    CqlLibraries fromElm = precompiled.libraries();
    CqlLibraries fromCql = translated.libraries();

    assertThat(fromElm.libraries()).isNotEmpty().isEqualTo(fromCql.libraries());
    for (String name : fromCql.libraries()) {
      assertThat(fromElm.library(name)).get().usingRecursiveComparison().isEqualTo(fromCql.library(name).orElseThrow());
    }
  }

  @TestFactory
  Stream<DynamicTest> evaluatesEveryDefineForEveryExamplePatientAsTheTranslatedContentDoes() {
    ZonedDateTime now = ZonedDateTime.now();
    var fromElm = new EngineCqlEvaluator(precompiled.libraries(), CqlFixtures.FHIR);
    var fromCql = new EngineCqlEvaluator(translated.libraries(), CqlFixtures.FHIR);
    return ContentExamples.all().stream().map(example -> dynamicTest(example.service() + "/" + example.name(), () -> {
      JsonNode request = example.request();
      String patientId = request.at("/context/patientId").asText();
      List<Resource> resources = resources(request);
      for (String library : translated.libraries().libraries()) {
        var evaluation = new EvaluationRequest(library, patientId, resources,
            translated.libraries().expressions(library), Map.of(), now);

        assertThat(EvaluationValues.comparable(fromElm.evaluate(evaluation)))
            .as(library).isEqualTo(EvaluationValues.comparable(fromCql.evaluate(evaluation)));
      }
    }));
  }

  /**
   * Every prefetched resource (bundles unpacked) and the draft orders of the request's context, read as the service
   * reads them: a value the parser cannot read is left out (config.FhirParserIssues, codes.MalformedValues) and codes are
   * written as the value sets write them (codes.CanonicalCodes). Without this the test depended on another test having
   * set a lenient parser on HAPI's shared context, and failed when run alone.
   */
  private static List<Resource> resources(JsonNode request) {
    IParser parser = CqlFixtures.FHIR.newJsonParser().setParserErrorHandler(new FhirParserIssues());
    List<Resource> resources = new ArrayList<>();
    List<JsonNode> documents = new ArrayList<>();
    request.path("prefetch").forEach(documents::add);
    documents.add(request.at("/context/draftOrders"));
    for (JsonNode document : documents) {
      if (!document.isObject()) {
        continue;
      }
      Resource resource = CanonicalCodes.normalize(
          (Resource) MalformedValues.readWithout(() -> parser.parseResource(document.toString())));
      if (resource instanceof Bundle bundle) {
        bundle.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource).forEach(e -> resources.add(e.getResource()));
      } else {
        resources.add(resource);
      }
    }
    return resources;
  }
}
