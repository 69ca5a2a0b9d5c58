package org.ketaminecds.config;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FhirConfigTests {

  @Test
  void theContextHasScannedEveryR4ResourceTypeBeforeTheFirstRequest() {
    // a new (uncached) context: nothing scanned yet but what HAPI scans eagerly
    FhirContext context = FhirContext.forR4();
    FhirConfig.scanAllResourceTypes(context);
    assertThat(scanned(context)).containsAll(context.getResourceTypes()).contains("Bundle", "MedicationRequest");
  }

  private static TreeSet<String> scanned(FhirContext context) {
    var names = new TreeSet<String>();
    for (BaseRuntimeElementDefinition<?> definition : context.getElementDefinitions()) {
      if (definition instanceof RuntimeResourceDefinition) {
        names.add(definition.getName());
      }
    }
    return names;
  }
}
