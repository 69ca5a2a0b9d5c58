package org.ketaminecds.definition;

import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import java.util.Set;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.cql.CqlLibraryCatalog;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The test content of {@code src/test/resources/test-content/}: one service, {@value #SERVICE_ID}
 * (order-sign plus order-select), over the CQL library {@code ExampleCheck}; shared by the web tests.
 */
public final class TestServices {

  public static final String SERVICE_ID = "ketamine-test-check";
  public static final String HOOKS_LOCATION = "classpath:test-content/cds-hooks/";

  /** The defines of test-content/cql/ExampleCheck.cql, as the real catalog would list them. */
  public static final CqlLibraryCatalog CQL_CATALOG = new CqlLibraryCatalog() {
    @Override
    public Set<String> libraries() {
      return Set.of("ExampleCheck");
    }

    @Override
    public Set<String> expressions(String library) {
      return "ExampleCheck".equals(library)
          ? Set.of("Patient", "Aneurysm Conditions", "Has Aneurysm", "Aneurysm Display", "Recent PHQ-9", "Needs Screening")
          : Set.of();
    }

    @Override
    public Optional<String> version(String library) {
      return "ExampleCheck".equals(library) ? Optional.of("1.0.0") : Optional.empty();
    }
  };

  private TestServices() {}

  public static ServiceCatalog catalog() {
    return new ServiceDefinitionLoader(HOOKS_LOCATION, new PathMatchingResourcePatternResolver(), CQL_CATALOG,
        FhirContext.forR4Cached(), new JacksonConfig().hookObjectMapper()).load();
  }
}
