package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;

class R4PathResolverTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final R4PathResolver resolver = new R4PathResolver(FHIR);
  private final R4FhirModelResolver inherited = new R4FhirModelResolver(FHIR);

  @Test
  void resolvesEveryPathLikeTheEngineResolver() {
    var request = new MedicationRequest();
    request.setId("mr-1");
    request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    request.setSubject(new Reference("Patient/p1"));
    request.setMedication(new CodeableConcept().addCoding(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm",
        "312938", "sertraline 100 MG Oral Tablet")));
    request.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration().setValue(90).setCode("d"));
    for (String path : List.of("status", "status.value", "subject", "subject.reference", "medication",
        "medication.coding", "dispenseRequest.expectedSupplyDuration.value", "dispenseRequest.quantity",
        "id", "authoredOn", "status.", "", "medication.coding[0]")) {
      var expected = inherited.resolvePath(request, path);
      var actual = resolver.resolvePath(request, path);
      assertThat(actual).as(path).usingRecursiveComparison().isEqualTo(expected);
      assertThat(resolver.resolvePath(request, path)).as(path + " (cached split)").usingRecursiveComparison()
          .isEqualTo(expected);
    }
  }

  @Test
  void splitsLikeTheInheritedSplitDroppingTrailingEmptySegments() {
    assertThat(R4PathResolver.split("a.b.c")).containsExactly("a", "b", "c");
    assertThat(R4PathResolver.split("a..b")).containsExactly("a", "", "b");
    assertThat(R4PathResolver.split("a.b..")).containsExactly("a", "b");
    assertThat(R4PathResolver.split("")).isEmpty();
  }
}
