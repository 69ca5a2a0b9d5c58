package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;

class EngineCqlEvaluatorModelResolverTests {

  @Test
  void everyContentVersionSharesOneModelResolverPerFhirContextSoReloadsNeverRescanTheSharedModel() {
    FhirContext context = FhirContext.forR4();

    var first = EngineCqlEvaluator.modelResolverFor(context);
    var reloaded = EngineCqlEvaluator.modelResolverFor(context);

    assertThat(reloaded).isSameAs(first);
    assertThat(EngineCqlEvaluator.modelResolverFor(FhirContext.forR4())).isNotSameAs(first);
  }
}
