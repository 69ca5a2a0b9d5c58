package org.ketaminecds.console;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds the hook request an EHR would send for a demo patient: {@code context} for the hook (with a draft
 * MedicationRequest of the chosen product for the ordering hooks) and the full {@code prefetch}.
 */
final class PreviewRequests {

  /** Hooks whose context carries the order being written (CDS Hooks 2.0 hook library). */
  static final Set<String> ORDERING_HOOKS = Set.of("order-select", "order-sign", "medication-prescribe");

  private final DemoPrefetch prefetch;
  private final FhirContext fhirContext;
  private final ObjectMapper mapper;
  private final String userId;

  PreviewRequests(DemoPrefetch prefetch, FhirContext fhirContext, ObjectMapper mapper, String userId) {
    this.prefetch = prefetch;
    this.fhirContext = fhirContext;
    this.mapper = mapper;
    this.userId = userId;
  }

  static boolean ordersAProduct(String hook) {
    return ORDERING_HOOKS.contains(hook);
  }

  /**
   * @param product the product ordered; required when {@link #ordersAProduct} is true for the hook, else ignored
   * @param data    the patient's Bundle with dates already rolled to {@code now}
   */
  PreviewRequest build(String hook, DemoPatient patient, Bundle data, Product product, Map<String, String> templates,
      ZonedDateTime now) {
    Map<String, String> tokens = Map.of("context.patientId", patient.id(), "context.userId", userId);
    PreviewRequest.Context context = new PreviewRequest.Context(userId, patient.id(), null, null, null);
    if (ordersAProduct(hook)) {
      MedicationRequest draft = draftOrder(product, patient, now);
      JsonNode orders = json(new Bundle().setType(Bundle.BundleType.COLLECTION).addEntry(new Bundle.BundleEntryComponent()
          .setResource(draft)));
      String reference = "MedicationRequest/" + draft.getIdElement().getIdPart();
      context = switch (hook) {
        case "order-select" -> new PreviewRequest.Context(userId, patient.id(), List.of(reference), orders, null);
        case "medication-prescribe" -> new PreviewRequest.Context(userId, patient.id(), null, null, orders);
        default -> new PreviewRequest.Context(userId, patient.id(), null, orders, null);
      };
    }
    return new PreviewRequest(UUID.randomUUID().toString(), hook, context, prefetch.answer(templates, data, tokens));
  }

  private MedicationRequest draftOrder(Product product, DemoPatient patient, ZonedDateTime now) {
    MedicationRequest draft = product.template().copy();
    draft.setId("draft-" + product.id());
    draft.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    draft.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    draft.setSubject(new Reference("Patient/" + patient.id()));
    draft.setRequester(new Reference(userId));
    draft.setAuthoredOnElement(new DateTimeType(Date.from(now.toInstant()), TemporalPrecisionEnum.DAY,
        TimeZone.getTimeZone(now.getZone())));
    return draft;
  }

  private JsonNode json(Bundle bundle) {
    try {
      return mapper.readTree(fhirContext.newJsonParser().encodeResourceToString(bundle));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI produced JSON that Jackson cannot read", e);
    }
  }
}
