package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConstantDefinesTests {

  private static Map<String, List<String>> constants;

  @BeforeAll
  static void analyse() {
    var libraries = CqlFixtures.load(CqlFixtures.TEST_CONTENT, Map.of());
    constants = ConstantDefines.find(libraries.caches().newLibraryManager().getCompiledLibraries().values())
        .entrySet().stream().collect(Collectors.toMap(e -> e.getKey().getId(), Map.Entry::getValue));
  }

  @Test
  void findsDefinesBuiltFromLiteralsAndParameters() {
    assertThat(constants.get("TestConfig")).contains("Trial Thresholds");
    assertThat(constants.get("TestRules")).contains("Min Trials Value", "Site Name Value", "Cutoff Date Value");
  }

  @Test
  void followsReferencesIntoIncludedLibrariesAndTheirFunctions() {
    assertThat(constants.get("TestRules")).contains("Threshold Labels");
  }

  @Test
  void leavesOutDefinesThatRetrievePatientDataOrReadTheClock() {
    assertThat(constants.get("TestRules")).doesNotContain(
        "Antidepressant Orders", "Has Depression", "Latest PHQ-9", "Age", "Evaluated At");
  }

  @Test
  void leavesOutDefinesThatReferenceAPatientDependentDefine() {
    assertThat(constants.get("TestRules")).doesNotContain("Antidepressant Trial Count", "Summary", "Labels With Trials");
  }

  @Test
  void aDefineThatReadsAParameterTheRequestSetsIsNotConstantForIt() {
    var libraries = CqlFixtures.load(CqlFixtures.TEST_CONTENT, Map.of());
    var varying = ConstantDefines.find(libraries.caches().newLibraryManager().getCompiledLibraries().values(),
            java.util.Set.of("Min Trials"))
        .entrySet().stream().collect(Collectors.toMap(e -> e.getKey().getId(), Map.Entry::getValue));

    assertThat(varying.get("TestRules")).doesNotContain("Min Trials Value").contains("Site Name Value");
  }
}
