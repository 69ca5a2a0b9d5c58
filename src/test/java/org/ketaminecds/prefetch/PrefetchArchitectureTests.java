package org.ketaminecds.prefetch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** House rule: prefetch is usable outside a web request (no Spring web/http, no servlet types). */
@AnalyzeClasses(packages = "org.ketaminecds.prefetch", importOptions = ImportOption.DoNotIncludeTests.class)
class PrefetchArchitectureTests {

  @ArchTest
  static final ArchRule staysFreeOfWebAndServletTypes =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");
}
