package org.ketaminecds.console;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.ketaminecds.definition.RelativeDates;

/**
 * Reads and checks the demo data at start-up: {@code patients.json} (index: id + scenario), one FHIR Bundle per
 * patient in {@code patients/<id>.json}, and {@code products.json}. Any problem stops start-up naming the file:
 * unparsable FHIR (strict parser, after date substitution), a Patient id that is not the file name, a bundle file
 * missing from the index or the other way round, a product without medication.
 */
final class DemoDataLoader {

  private final ResourcePatternResolver resources;
  private final FhirContext fhirContext;
  private final ObjectMapper mapper;
  private final String location;

  DemoDataLoader(ResourcePatternResolver resources, FhirContext fhirContext, ObjectMapper mapper, String location) {
    this.resources = resources;
    this.fhirContext = fhirContext;
    this.mapper = mapper;
    this.location = location.endsWith("/") ? location : location + "/";
  }

  List<DemoPatient> patients() {
    JsonNode index = readJson("patients.json");
    Map<String, DemoPatient> byId = new LinkedHashMap<>();
    for (JsonNode entry : index.path("patients")) {
      String id = entry.path("id").asText("");
      String file = "patients/" + id + ".json";
      if (!id.matches("[A-Za-z0-9\\-.]{1,64}") || byId.containsKey(id)) {
        throw new DemoDataException(location + "patients.json: patient id '" + id + "' is invalid or listed twice");
      }
      byId.put(id, patient(id, entry.path("scenario").asText(""), file));
    }
    Set<String> files = new TreeSet<>();
    for (Resource bundle : list("patients/*.json")) {
      files.add(bundle.getFilename());
    }
    Set<String> indexed = new TreeSet<>(byId.keySet().stream().map(id -> id + ".json").toList());
    if (!files.equals(indexed)) {
      throw new DemoDataException(location + "patients.json must list exactly the bundles in patients/: listed "
          + indexed + ", found " + files);
    }
    return List.copyOf(byId.values());
  }

  List<Product> products() {
    List<Product> products = new ArrayList<>();
    for (JsonNode entry : readJson("products.json").path("products")) {
      String id = entry.path("id").asText("");
      String where = location + "products.json, product '" + id + "'";
      if (!id.matches("[A-Za-z0-9\\-.]{1,64}") || products.stream().anyMatch(p -> p.id().equals(id))) {
        throw new DemoDataException(where + ": id is invalid or listed twice");
      }
      if (!(entry.path("medicationRequest") instanceof ObjectNode fragment)) {
        throw new DemoDataException(where + ": medicationRequest is missing");
      }
      ObjectNode resource = fragment.deepCopy().put("resourceType", "MedicationRequest");
      MedicationRequest template = parse(MedicationRequest.class, resource.toString(), where + ".medicationRequest");
      if (!template.hasMedicationCodeableConcept() || !template.getMedicationCodeableConcept().hasCoding()) {
        throw new DemoDataException(where + ": medicationRequest.medicationCodeableConcept.coding is required");
      }
      products.add(new Product(id, entry.path("label").asText(id), template));
    }
    if (products.isEmpty()) {
      throw new DemoDataException(location + "products.json lists no product");
    }
    return List.copyOf(products);
  }

  private DemoPatient patient(String id, String scenario, String file) {
    String template = readText(file);
    String where = location + file;
    Bundle bundle;
    try {
      bundle = parse(Bundle.class, new RelativeDates(ZonedDateTime.now()).substitute(template), where);
    } catch (IllegalArgumentException e) {
      throw new DemoDataException(where + ": " + e.getMessage(), e);
    }
    List<Patient> patients = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Patient.class::isInstance).map(Patient.class::cast).toList();
    if (patients.size() != 1 || !id.equals(patients.get(0).getIdElement().getIdPart())) {
      throw new DemoDataException(where + ": must hold exactly one Patient, with id '" + id + "' (the file name)");
    }
    bundle.getEntry().forEach(e -> {
      if (e.getResource() == null || !e.getResource().getIdElement().hasIdPart()) {
        throw new DemoDataException(where + ": every entry needs a resource with an id");
      }
    });
    Patient patient = patients.get(0);
    String name = patient.hasName() ? patient.getNameFirstRep().getNameAsSingleString() : id;
    String gender = patient.hasGender() ? patient.getGender().toCode() : "unknown";
    if (!patient.hasBirthDate() || patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
      throw new DemoDataException(where + ": Patient.birthDate must be a full date (e.g. \"${today-46y}\")");
    }
    int age = Period.between(LocalDate.parse(patient.getBirthDateElement().getValueAsString()), LocalDate.now()).getYears();
    return new DemoPatient(id, name, gender, age, scenario, template);
  }

  private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(Class<T> type, String json, String where) {
    IParser parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    try {
      return parser.parseResource(type, json);
    } catch (DataFormatException | ClassCastException e) {
      throw new DemoDataException(where + ": not a valid FHIR R4 " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private JsonNode readJson(String file) {
    try {
      return mapper.readTree(readText(file));
    } catch (IOException e) {
      throw new DemoDataException(location + file + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  private String readText(String file) {
    Resource resource = resources.getResource(location + file);
    try {
      return resource.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DemoDataException(location + file + ": cannot be read", e);
    }
  }

  private Resource[] list(String pattern) {
    try {
      return resources.getResources(location + pattern);
    } catch (IOException e) {
      throw new DemoDataException(location + pattern + ": cannot be listed", e);
    }
  }
}
