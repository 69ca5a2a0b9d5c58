package org.ketaminecds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house shape, enforced: the clinical core never sees HTTP, and only invocation orchestrates. */
class ArchitectureTests {

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.ketaminecds");
  }

  @Test
  void cqlAndPrefetchNeverDependOnWebTypes() {
    noClasses().that().resideInAnyPackage("org.ketaminecds.cql..", "org.ketaminecds.prefetch..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
        .check(main);
  }

  @Test
  void onlyInvocationCallsThePipelineSteps() {
    noClasses().that().resideOutsideOfPackages(
            "org.ketaminecds.invocation..", "org.ketaminecds.prefetch..", "org.ketaminecds.config..",
            "org.ketaminecds.bench..")
        .should().dependOnClassesThat().haveSimpleName("PrefetchResolver")
        .check(main);
    noClasses().that().resideOutsideOfPackages(
            "org.ketaminecds.invocation..", "org.ketaminecds.cql..", "org.ketaminecds.config..",
            // reload holds each content version's evaluator (ContentSet) but never evaluates with it
            "org.ketaminecds.reload..")
        .should().dependOnClassesThat().haveSimpleName("CqlEvaluator")
        .check(main);
  }
}
