package org.ketaminecds.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;

/**
 * CDS Hooks request bodies for generated patients, as an EHR sends them: order-sign with an esketamine (SPRAVATO)
 * draft order, patient-view, each with the full prefetch of the service (its templates read from
 * {@code cds-hooks/<id>.json}), or with no prefetch and a {@code fhirServer} to fetch from.
 */
final class BenchRequests {

  static final String ORDER_SERVICE = "ketamine-order-check";
  static final String VIEW_SERVICE = "depression-chart-review";

  private final IParser parser;
  private final Map<String, Map<String, String>> templates = new LinkedHashMap<>();
  private final LocalDate today;

  BenchRequests(FhirContext fhirContext, Path hooksFolder, LocalDate today) {
    this.parser = fhirContext.newJsonParser();
    this.today = today;
    var mapper = new ObjectMapper();
    for (String service : new String[] {ORDER_SERVICE, VIEW_SERVICE}) {
      try {
        var definition = mapper.readTree(hooksFolder.resolve(service + ".json").toFile());
        var prefetch = new LinkedHashMap<String, String>();
        definition.get("prefetch").fields().forEachRemaining(e -> prefetch.put(e.getKey(), e.getValue().asText()));
        templates.put(service, prefetch);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the service definition " + service, e);
      }
    }
  }

  Map<String, String> templates(String service) {
    return templates.get(service);
  }

  /** A body with the whole prefetch (fhirServer == null) or without prefetch, to be fetched from fhirServer. */
  byte[] body(String service, SyntheticPatient patient, String fhirServer) {
    return body(service, patient, fhirServer, false);
  }

  /** The same; with {@code otherDrug} the order being signed is lisinopril instead of SPRAVATO. */
  byte[] body(String service, SyntheticPatient patient, String fhirServer, boolean otherDrug) {
    var json = new StringBuilder(64 * 1024);
    var order = service.equals(ORDER_SERVICE);
    json.append("{\"hook\":\"").append(order ? "order-sign" : "patient-view").append("\",\"hookInstance\":\"")
        .append(UUID.nameUUIDFromBytes((service + patient.id() + fhirServer).getBytes(StandardCharsets.UTF_8)))
        .append("\",");
    if (fhirServer != null) {
      json.append("\"fhirServer\":\"").append(fhirServer).append("\",\"fhirAuthorization\":{\"access_token\":\"")
          .append("bench-ehr-access-token-").append(patient.id())
          .append("\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"patient/*.read\",\"subject\":")
          .append("\"ketamine-cds\"},");
    }
    json.append("\"context\":{\"userId\":\"Practitioner/bench-prac-1\",\"patientId\":\"").append(patient.id())
        .append('"');
    if (order) {
      var orders = otherDrug ? otherDrugOrder(patient.id()) : draftOrders(patient.id());
      json.append(",\"draftOrders\":").append(parser.encodeResourceToString(orders));
    }
    json.append('}');
    if (fhirServer == null) {
      json.append(",\"prefetch\":{");
      var first = true;
      for (var entry : patient.prefetch(templates.get(service)).entrySet()) {
        json.append(first ? "" : ",").append('"').append(entry.getKey()).append("\":")
            .append(entry.getValue() == null ? "null" : parser.encodeResourceToString(entry.getValue()));
        first = false;
      }
      json.append('}');
    }
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An order of another drug: lisinopril 10 mg daily (one of the generator's chronic medications). */
  Bundle otherDrugOrder(String patientId) {
    var order = draft("draft-other-" + patientId, patientId,
        new Coding(ClinicalCodes.RXNORM, "314076", "lisinopril 10 MG Oral Tablet"), "lisinopril 10 mg tablet");
    order.addDosageInstruction().setText("10 mg by mouth once daily");
    return new Bundle().setType(Bundle.BundleType.COLLECTION).addEntry(new Bundle.BundleEntryComponent()
        .setResource(order));
  }

  /** The order being signed: SPRAVATO 56 mg, induction dose, as the example cases write it. */
  Bundle draftOrders(String patientId) {
    var order = draft("draft-esk-" + patientId, patientId,
        new Coding(ClinicalCodes.RXNORM, "2201625", "esketamine Nasal Spray [Spravato]"),
        "Spravato 28 mg nasal spray device");
    order.addDosageInstruction().setText("56 mg intranasally on day 1 under supervision (2 devices)")
        .getRoute().setText("Nasal");
    return new Bundle().setType(Bundle.BundleType.COLLECTION).addEntry(new Bundle.BundleEntryComponent()
        .setResource(order));
  }

  /** A draft order of this product for this patient, written today. */
  private MedicationRequest draft(String id, String patientId, Coding product, String text) {
    var order = new MedicationRequest();
    order.setId(id);
    order.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    order.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    order.setSubject(new Reference("Patient/" + patientId));
    order.setAuthoredOnElement(PatientGenerator.dateTime(today));
    order.getMedicationCodeableConcept().addCoding(product).setText(text);
    return order;
  }
}
