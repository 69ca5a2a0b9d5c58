package org.ketaminecds.codes;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.junit.jupiter.api.Test;

class BundleReferencesTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void rewritesAReferenceToASingleResourceByItsId() throws Exception {
    JsonNode encounter = MAPPER.readTree("""
        {"resourceType":"Encounter","id":"5f0e2d3c-0000-4000-8000-00000000000e","status":"in-progress"}""");
    JsonNode context = MAPPER.readTree("""
        {"patientId":"p-1","draftOrders":{"resourceType":"Bundle","type":"collection","entry":[
          {"resource":{"resourceType":"MedicationRequest","id":"d1","status":"draft","intent":"order",
            "encounter":{"reference":"urn:uuid:5f0e2d3c-0000-4000-8000-00000000000e"}}}]}}""");

    BundleReferences.normalize(List.of(context, encounter), "p-1");

    assertThat(context.at("/draftOrders/entry/0/resource/encounter/reference").asText())
        .isEqualTo("Encounter/5f0e2d3c-0000-4000-8000-00000000000e");
  }

  @Test
  void rewritesASelectionNamingADraftByItsUrnUuid() throws Exception {
    JsonNode context = MAPPER.readTree("""
        {"patientId":"p-1","selections":["urn:uuid:4f0e2d3c-0000-4000-8000-00000000000d"],
         "draftOrders":{"resourceType":"Bundle","type":"collection","entry":[
          {"fullUrl":"urn:uuid:4f0e2d3c-0000-4000-8000-00000000000d","resource":{"resourceType":"MedicationRequest",
            "status":"draft","intent":"order","subject":{"reference":"Patient/p-1"}}}]}}""");

    BundleReferences.normalize(List.of(context), "p-1");

    assertThat(context.at("/selections/0").asText()).isEqualTo("MedicationRequest/4f0e2d3c-0000-4000-8000-00000000000d");
  }

  @Test
  void rewritesUrnUuidReferencesAcrossBundlesToTypeAndId() throws Exception {
    JsonNode orders = MAPPER.readTree("""
        {"resourceType":"Bundle","type":"searchset","entry":[
          {"fullUrl":"urn:uuid:1f0e2d3c-0000-4000-8000-00000000000a","resource":{"resourceType":"MedicationRequest",
            "id":"1f0e2d3c-0000-4000-8000-00000000000a","status":"completed","intent":"order",
            "subject":{"reference":"urn:uuid:p-1"}}},
          {"fullUrl":"urn:uuid:2f0e2d3c-0000-4000-8000-00000000000b","resource":{"resourceType":"Condition"}}]}""");
    JsonNode statements = MAPPER.readTree("""
        {"resourceType":"Bundle","type":"searchset","entry":[
          {"fullUrl":"urn:uuid:3f0e2d3c-0000-4000-8000-00000000000c","resource":{"resourceType":"MedicationStatement",
            "id":"st-1","status":"active","subject":{"reference":"urn:uuid:p-1"},
            "derivedFrom":[{"reference":"urn:uuid:1F0E2D3C-0000-4000-8000-00000000000A"}],
            "reasonReference":[{"reference":"urn:uuid:2f0e2d3c-0000-4000-8000-00000000000b"}],
            "basedOn":[{"reference":"urn:uuid:9f0e2d3c-0000-4000-8000-0000000000ff"}]}}]}""");

    BundleReferences.normalize(List.of(orders, statements), "p-1");

    JsonNode statement = statements.at("/entry/0/resource");
    assertThat(statement.at("/derivedFrom/0/reference").asText()).isEqualTo("MedicationRequest/1f0e2d3c-0000-4000-8000-00000000000a");
    assertThat(statement.at("/reasonReference/0/reference").asText()).isEqualTo("Condition/2f0e2d3c-0000-4000-8000-00000000000b");
    assertThat(statement.at("/subject/reference").asText()).isEqualTo("Patient/p-1");
    assertThat(statement.at("/basedOn/0/reference").asText()).isEqualTo("urn:uuid:9f0e2d3c-0000-4000-8000-0000000000ff");
    assertThat(orders.at("/entry/1/resource/id").asText()).isEqualTo("2f0e2d3c-0000-4000-8000-00000000000b");

    assertThat(statements.at("/entry/0/fullUrl").asText()).isEqualTo("MedicationStatement/st-1");
    Bundle parsed = FHIR.newJsonParser().parseResource(Bundle.class, statements.toString());
    assertThat(((MedicationStatement) parsed.getEntryFirstRep().getResource()).getIdElement().getIdPart()).isEqualTo("st-1");
  }
}
