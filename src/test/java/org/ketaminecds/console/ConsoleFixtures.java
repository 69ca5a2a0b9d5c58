package org.ketaminecds.console;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.ketaminecds.prefetch.PrefetchTemplates;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Test fixture of the console feature: the repository's demo data and the console's builders over it. */
final class ConsoleFixtures {

  static final String REPO_DEMO = "file:cds-hooks/demo/";
  static final String USER = "Practitioner/demo-psychiatrist";
  static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 31, 9, 0, 0, 0, ZoneId.of("UTC"));
  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ConsoleFixtures() {
  }

  static DemoDataLoader loader(String location) {
    return new DemoDataLoader(new PathMatchingResourcePatternResolver(), FHIR, MAPPER, location);
  }

  static DemoData repoDemoData() {
    DemoDataLoader loader = loader(REPO_DEMO);
    return new DemoData(loader.patients(), loader.products(), FHIR);
  }

  static DemoPrefetch prefetch() {
    return new DemoPrefetch(new PrefetchTemplates(), FHIR, MAPPER);
  }

  static PreviewRequests requests() {
    return new PreviewRequests(prefetch(), FHIR, MAPPER, USER);
  }
}
