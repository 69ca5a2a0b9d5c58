package org.ketaminecds.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.contenttest.ExampleFiles;
import org.ketaminecds.contenttest.ExampleTests;
import org.ketaminecds.cql.CqlEvaluator;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.cql.CqlLibraryCatalog;
import org.ketaminecds.cql.EvaluationResult;
import org.ketaminecds.feedback.FeedbackSink;
import org.ketaminecds.invocation.HookEvaluation;
import org.ketaminecds.prefetch.PatientData;
import org.ketaminecds.prefetch.PrefetchResolver;
import org.ketaminecds.prefetch.PrefetchUnavailableException;
import org.ketaminecds.security.FhirServerPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.opentest4j.AssertionFailedError;

/**
 * Proves the example runner end to end on the test content (two cases of {@code ketamine-test-check})
 * through the endpoint's evaluation steps ({@link HookEvaluation}). CQL and prefetch are stand-ins here that compute the same defines as
 * {@code test-content/cql/ExampleCheck.cql}; {@link org.ketaminecds.contenttest.ServiceExamplesContentTests} runs the real ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=false",
    "cds.content.hooks-location=" + TestServices.HOOKS_LOCATION,
    // the stand-in evaluator knows only ExampleCheck: keep the warm-up on the test content too
    "cds.content.cql-location=classpath:test-content/cql/"})
class ServiceExampleRunnerIntegrationTests {

  static final Path EXAMPLES = Path.of("src/test/resources/test-content/cds-hooks/examples");

  @Autowired HookEvaluation evaluation;
  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @MockitoBean FhirServerPolicy fhirServerPolicy;
  @MockitoBean FeedbackSink feedbackSink;

  @TestFactory
  Stream<DynamicNode> runsEveryTestContentCaseThroughTheEvaluationSteps() {
    return ExampleTests.of(EXAMPLES, evaluation);
  }

  @Test
  void findsBothTestContentCases() {
    assertThat(ExampleTests.of(EXAMPLES, evaluation)).singleElement()
        .satisfies(service -> assertThat(service.getDisplayName()).isEqualTo(TestServices.SERVICE_ID));
    assertThat(ExampleFiles.all(EXAMPLES)).hasSize(2);
  }

  @Test
  void failsRatherThanSkipsWhenTheFolderHoldsNoCase(@TempDir Path empty) {
    assertThatThrownBy(() -> ExampleTests.of(Path.of("no/such/folder"), evaluation))
        .isInstanceOf(AssertionFailedError.class).hasMessageStartingWith("no example case in");
    assertThatThrownBy(() -> ExampleTests.of(empty, evaluation))
        .isInstanceOf(AssertionFailedError.class).hasMessageStartingWith("no example case in");
  }

  @Test
  void reportsReadyOnlyWithTheServicesLoaded() {
    assertThat(rest.getForObject("/actuator/health/readiness", String.class)).contains("\"UP\"");
    assertThat(context.getBean(ServiceCatalog.class).find(TestServices.SERVICE_ID)).isPresent();
  }

  @Test
  void leavesBootsOwnObjectMapperInPlace() {
    assertThat(context.getBeansOfType(ObjectMapper.class)).containsKey("jacksonObjectMapper");
    assertThat(context.getBean(ObjectMapper.class)).isSameAs(context.getBean("jacksonObjectMapper"));
  }

  @TestConfiguration
  static class StandIns {

    @Bean
    @Primary
    CqlLibraryCatalog exampleCheckCatalog() {
      return TestServices.CQL_CATALOG;
    }

    /** The defines of ExampleCheck.cql, computed in Java. */
    @Bean
    @Primary
    CqlEvaluator exampleCheckEvaluator() {
      return request -> {
        var aneurysms = request.resources().stream().filter(Condition.class::isInstance).map(Condition.class::cast)
            .filter(c -> c.getCode().getCoding().stream().anyMatch(code -> "I71.4".equals(code.getCode())))
            .toList();
        var since = request.now().minusDays(30).toInstant();
        var recentPhq9 = request.resources().stream().filter(Observation.class::isInstance)
            .map(Observation.class::cast)
            .filter(o -> o.getCode().getCoding().stream().anyMatch(code -> "44261-6".equals(code.getCode())))
            .anyMatch(o -> o.hasEffectiveDateTimeType()
                && !o.getEffectiveDateTimeType().getValue().toInstant().isBefore(since)
                && !o.getEffectiveDateTimeType().getValue().toInstant().isAfter(request.now().toInstant()));
        var all = new HashMap<String, Object>();
        all.put("Has Aneurysm", !aneurysms.isEmpty());
        all.put("Aneurysm Display", aneurysms.isEmpty() ? null : aneurysms.get(0).getCode().getText());
        all.put("Needs Screening", !recentPhq9);
        if (!request.patientId().equals("warm-up")) { // the start-up warm-up evaluates every define once
          // the conditions first; the card text only for a condition met
          assertThat(request.expressions()).containsExactlyInAnyOrder("Has Aneurysm", "Needs Screening");
          assertThat(request.whenMet()).isEqualTo(Map.of("Has Aneurysm", Set.of("Aneurysm Display")));
        }
        var values = new HashMap<String, Object>();
        request.expressions().forEach(e -> values.put(e, all.get(e)));
        request.whenMet().forEach((condition, defines) -> {
          if (EvaluationRequest.met(values.get(condition))) {
            defines.forEach(e -> values.put(e, all.get(e)));
          }
        });
        return new EvaluationResult(values, Map.of());
      };
    }

    /** Uses the prefetch only (no fhirServer in the examples): a missing key is a 412. */
    @Bean
    @Primary
    PrefetchResolver prefetchOnlyResolver(FhirContext fhirContext) {
      return request -> {
        var missing = request.templates().keySet().stream().filter(k -> !request.given().containsKey(k)).toList();
        if (!missing.isEmpty()) {
          throw new PrefetchUnavailableException(missing, "not prefetched and no fhirServer");
        }
        var resources = new ArrayList<Resource>(request.draftResources());
        var sources = new HashMap<String, PatientData.KeySource>();
        request.given().forEach((key, json) -> {
          sources.put(key, PatientData.KeySource.PREFETCHED);
          if (json != null && !json.isNull()) {
            var resource = (Resource) fhirContext.newJsonParser().parseResource(json.toString());
            if (resource instanceof Bundle bundle) {
              bundle.getEntry().forEach(e -> resources.add(e.getResource()));
            } else {
              resources.add(resource);
            }
          }
        });
        return new PatientData(List.copyOf(resources), sources, 0, null);
      };
    }
  }
}
