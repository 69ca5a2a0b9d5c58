package org.ketaminecds.console;

import ca.uhn.fhir.context.FhirContext;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.ketaminecds.definition.RelativeDates;

/** The bundled demo patients and products, checked at start-up by {@link DemoDataLoader}. */
final class DemoData {

  private final List<DemoPatient> patients;
  private final List<Product> products;
  private final FhirContext fhirContext;

  DemoData(List<DemoPatient> patients, List<Product> products, FhirContext fhirContext) {
    this.patients = List.copyOf(patients);
    this.products = List.copyOf(products);
    this.fhirContext = fhirContext;
  }

  List<PatientSummary> patientSummaries() {
    return patients.stream().map(DemoPatient::summary).toList();
  }

  List<ProductSummary> productSummaries() {
    return products.stream().map(Product::summary).toList();
  }

  Optional<DemoPatient> patient(String id) {
    return patients.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  Optional<Product> product(String id) {
    return products.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The patient's data with every relative date rolled to {@code now}. */
  Bundle bundle(DemoPatient patient, ZonedDateTime now) {
    String json = new RelativeDates(now).substitute(patient.bundleTemplate());
    return fhirContext.newJsonParser().parseResource(Bundle.class, json);
  }
}
