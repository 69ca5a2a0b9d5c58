package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.ketaminecds.cql.CqlLibraryCatalog;
import org.ketaminecds.cql.HookParameters;
import org.ketaminecds.definition.ServiceCatalog;
import org.ketaminecds.reload.ContentSet;

/** order-select: which drafts of the session the selections designate, and the CQL parameter that carries them. */
class OrderSelectContextTests {

  @Test
  void designatesDraftsByTypeAndIdByAnAbsoluteUrlOrByTheEntryFullUrlInTheOrderOfTheSelections() {
    var context = select(List.of("https://ehr.example.org/fhir/MedicationRequest/d2", "MedicationRequest/d1",
        "urn:uuid:0a9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d61"));

    assertThat(context.selectedDrafts())
        .contains(List.of("MedicationRequest/d2", "MedicationRequest/d1", "MedicationRequest/d3"));
    assertThat(context.cqlParameters()).containsOnlyKeys(HookParameters.SELECTIONS);
  }

  @Test
  void aSelectionThatDesignatesNoDraftLeavesEveryDraftPicked() {
    for (var selections : List.of(List.of("MedicationRequest/d1", "MedicationRequest/elsewhere"),
        List.of("ServiceRequest/d1"), List.of("XMedicationRequest/d1"), List.of("MedicationRequest/d1/_history/2"),
        List.<String>of())) {
      var context = select(selections);

      assertThat(context.selectedDrafts()).as("selections %s", selections).isEmpty();
      assertThat(context.cqlParameters()).as("selections %s", selections).isEmpty();
    }
  }

  @Test
  void otherHooksSetNoParameter() {
    assertThat(new PatientViewContext("Practitioner/u", "p1", null).cqlParameters()).isEmpty();
    assertThat(new OrderSignContext("Practitioner/u", "p1", null, drafts()).cqlParameters()).isEmpty();
  }

  @Test
  void theContextsParameterIsSetOnlyWhenTheContentDeclaresItAndAnExampleCasesValueWins() {
    var context = select(List.of("MedicationRequest/d1"));
    var picked = List.of("MedicationRequest/d1");

    assertThat(CallParameters.of(content(Map.of()), context, Map.of())).isEmpty();
    assertThat(CallParameters.of(content(Map.of("Selections", Set.of("List<System.String>"))), context,
        Map.of("MinimumAdequateTrials", 3)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("Selections", picked, "MinimumAdequateTrials", 3));
    assertThat(CallParameters.of(content(Map.of("Selections", Set.of("List<System.String>"))), context,
        Map.of("Selections", List.of())))
        .containsExactlyEntriesOf(Map.of("Selections", List.of()));
  }

  private static OrderSelectContext select(List<String> selections) {
    return new OrderSelectContext("Practitioner/u", "p1", null, selections, drafts());
  }

  private static Bundle drafts() {
    var bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (var id : List.of("d1", "d2")) {
      bundle.addEntry().setResource(draft(id));
    }
    bundle.addEntry().setFullUrl("urn:uuid:0a9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d61").setResource(draft("d3"));
    return bundle;
  }

  private static MedicationRequest draft(String id) {
    var draft = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    draft.setId(id);
    return draft;
  }

  private static ContentSet content(Map<String, Set<String>> parameters) {
    var cql = new CqlLibraryCatalog() {
      @Override
      public Set<String> libraries() {
        return Set.of();
      }

      @Override
      public Set<String> expressions(String library) {
        return Set.of();
      }

      @Override
      public Optional<String> version(String library) {
        return Optional.empty();
      }

      @Override
      public Map<String, Set<String>> parameterTypes() {
        return parameters;
      }
    };
    return new ContentSet(1, Instant.EPOCH, new ServiceCatalog(new TreeMap<>()), cql, null);
  }
}
