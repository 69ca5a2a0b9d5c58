package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ketaminecds.config.FhirConfig;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CqlConfigTests {

  private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-01T10:00:00Z");

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(FhirConfig.class, CqlConfig.class)
      .withPropertyValues("cds.content.cql-location=" + CqlFixtures.TEST_CONTENT);

  @Test
  void offersTheCatalogAndTheEvaluator() {
    context.run(app -> {
      assertThat(app).hasSingleBean(CqlEvaluator.class).hasSingleBean(CqlLibraryCatalog.class);
      assertThat(app.getBean(CqlLibraryCatalog.class).libraries()).containsExactlyInAnyOrder("TestRules", "TestConfig");
    });
  }

  @Test
  void readsThePackagedElmForThePackagedContentInsteadOfTranslating(CapturedOutput output) {
    context.withPropertyValues("cds.content.cql-location=classpath:content/cql/").run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(output).containsPattern("Loaded \\d+ CQL libraries from precompiled ELM at classpath:content/elm/");
    });
  }

  @Test
  void translatesContentThePackagedElmWasNotBuiltFrom(CapturedOutput output) {
    context.run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(output).containsPattern("Translated 2 CQL libraries and 3 value sets from classpath:cql-fixtures/ in "
          + "\\d+ ms \\(precompiled ELM: the CQL differs from the CQL it was built from\\)");
    });
  }

  @Test
  void appliesParameterOverridesFromConfiguration() {
    context.withPropertyValues("cds.cql.parameters.[Min Trials]=5", "cds.cql.parameters.site-name=Clinic B").run(app -> {
      EvaluationResult result = app.getBean(CqlEvaluator.class).evaluate(new EvaluationRequest(
          "TestRules", "p1", List.of(CqlFixtures.patient("p1")), Set.of("Min Trials Value", "Site Name Value"), Map.of(), NOW));

      assertThat(result.values()).containsEntry("Min Trials Value", 5).containsEntry("Site Name Value", "Clinic B");
    });
  }

  @Test
  void failsStartUpNamingTheKeyOfABadOverride() {
    context.withPropertyValues("cds.cql.parameters.[Min Trials]=five").run(app -> {
      assertThat(app).hasFailed();
      assertThat(app.getStartupFailure()).rootCause()
          .isInstanceOf(CqlContentException.class)
          .hasMessageContaining("cds.cql.parameters.Min Trials");
    });
  }

  @Test
  void warmsUpEveryDefineOfEveryLibraryAndLogsOnlyNamesAndTimes(CapturedOutput output) {
    CqlLibraries libraries = CqlFixtures.load(CqlFixtures.TEST_CONTENT, Map.of());
    CqlEvaluator engine = new EngineCqlEvaluator(libraries, CqlFixtures.FHIR);
    List<EvaluationRequest> requests = new ArrayList<>();

    new CqlWarmUp(libraries, request -> {
      requests.add(request);
      return engine.evaluate(request);
    }).run(null);

    assertThat(requests).extracting(EvaluationRequest::library).containsExactly("TestConfig", "TestRules");
    assertThat(requests).allSatisfy(r -> assertThat(r.expressions()).isEqualTo(libraries.expressions(r.library())));
    assertThat(output).containsPattern("CQL warm-up in \\d+ ms: TestConfig \\d+ ms, TestRules \\d+ ms");
  }
}
