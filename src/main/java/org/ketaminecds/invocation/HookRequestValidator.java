package org.ketaminecds.invocation;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ketaminecds.codes.BundleReferences;
import org.ketaminecds.codes.CanonicalCodes;
import org.ketaminecds.definition.Hook;
import org.ketaminecds.definition.ServiceDefinition;
import org.ketaminecds.prefetch.FhirAccess;
import org.ketaminecds.problem.FieldError;
import org.ketaminecds.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Checks a hook request against CDS Hooks 2.0 and its service, and types its context; every problem is
 * reported at once (docs/deploy/failure-modes.md, "HTTP status codes"). FHIR inside the context is read with HAPI's parser.
 */
@Component
class HookRequestValidator {

  private final DraftOrders draftOrders;

  HookRequestValidator(FhirContext fhirContext) {
    this.draftOrders = new DraftOrders(fhirContext);
  }

  ValidatedRequest validate(HookRequest request, ServiceDefinition service) {
    var errors = new ArrayList<FieldError>();
    var hook = Hook.fromWire(request.hook());
    if (request.hook() == null || request.hook().isBlank()) {
      errors.add(new FieldError("/hook", "is required"));
    } else if (request.hook().length() > RequestLimits.MAX_HOOK_LENGTH) {
      errors.add(new FieldError("/hook", RequestLimits.tooLong(RequestLimits.MAX_HOOK_LENGTH)));
    } else if (!service.answers(hook)) {
      errors.add(new FieldError("/hook", "service " + service.id() + " answers "
          + String.join(", ", service.hooks().stream().map(Hook::wire).toList()) + " only"));
    }
    if (request.hookInstance() == null || request.hookInstance().isBlank()) {
      errors.add(new FieldError("/hookInstance", "is required"));
    } else if (request.safeHookInstance().isEmpty()) {
      errors.add(new FieldError("/hookInstance", "must be a UUID (letters, digits, '-', '.', '_' or ':'; at most 128)"));
    }
    var access = access(request, errors);
    HookContext context = null;
    var json = request.context();
    bundleReferences(json, request.prefetch());
    if (json == null || !json.isObject()) {
      errors.add(new FieldError("/context", "is required and must be an object"));
    } else {
      context = context(service.answers(hook) ? hook : null, json, errors);
    }
    var given = given(request.prefetch(), service, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new ValidatedRequest(hook, context, given, access);
  }

  /** urn:uuid references (Synthea, transaction bundles) as Type/id, across the context and the prefetch. */
  private static void bundleReferences(JsonNode context, Map<String, JsonNode> prefetch) {
    var trees = new ArrayList<JsonNode>();
    String patientId = null;
    String encounterId = null;
    if (context != null && context.isObject()) {
      trees.add(context);
      var id = context.get("patientId");
      patientId = id != null && id.isTextual() ? id.textValue() : null;
      var encounter = context.get("encounterId");
      encounterId = encounter != null && encounter.isTextual() ? encounter.textValue() : null;
    }
    if (prefetch != null) {
      prefetch.values().stream().filter(v -> v != null && v.isObject()).forEach(trees::add);
    }
    BundleReferences.normalize(trees, patientId, encounterId);
  }

  private static FhirAccess access(HookRequest request, List<FieldError> errors) {
    var authorization = request.fhirAuthorization();
    if (authorization != null) {
      if (authorization.accessToken() == null || authorization.accessToken().isBlank()) {
        errors.add(new FieldError("/fhirAuthorization/access_token", "is required"));
      }
      if (authorization.tokenType() != null && !"Bearer".equalsIgnoreCase(authorization.tokenType())) {
        errors.add(new FieldError("/fhirAuthorization/token_type", "must be Bearer"));
      }
      limit(authorization.accessToken(), "/fhirAuthorization/access_token", RequestLimits.MAX_TOKEN_LENGTH, errors);
      limit(authorization.scope(), "/fhirAuthorization/scope", RequestLimits.MAX_AUTHORIZATION_FIELD_LENGTH, errors);
      limit(authorization.subject(), "/fhirAuthorization/subject", RequestLimits.MAX_AUTHORIZATION_FIELD_LENGTH, errors);
      limit(authorization.patient(), "/fhirAuthorization/patient", RequestLimits.MAX_AUTHORIZATION_FIELD_LENGTH, errors);
    }
    if (request.fhirServer() != null && request.fhirServer().length() > RequestLimits.MAX_URL_LENGTH) {
      errors.add(new FieldError("/fhirServer", RequestLimits.tooLong(RequestLimits.MAX_URL_LENGTH)));
      return null;
    }
    if (request.fhirServer() == null) {
      if (authorization != null) {
        errors.add(new FieldError("/fhirServer", "is required when fhirAuthorization is present"));
      }
      return null;
    }
    try {
      var uri = new URI(request.fhirServer());
      if (!uri.isAbsolute() || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new URISyntaxException(request.fhirServer(), "not an absolute http(s) URL");
      }
      return new FhirAccess(uri, authorization == null ? null : authorization.accessToken());
    } catch (URISyntaxException e) {
      errors.add(new FieldError("/fhirServer", "must be an absolute http(s) URL"));
      return null;
    }
  }

  /** The typed context; {@code hook} is null when the request's hook is unusable (only shared fields are checked). */
  private HookContext context(Hook hook, JsonNode json, List<FieldError> errors) {
    var patientId = text(json, "patientId", true, errors);
    var userId = text(json, "userId", false, errors);
    var encounterId = text(json, "encounterId", false, errors);
    if (hook == null) {
      return null;
    }
    return switch (hook) {
      case PATIENT_VIEW -> new PatientViewContext(userId, patientId, encounterId);
      case ORDER_SELECT -> new OrderSelectContext(userId, patientId, encounterId, selections(json, errors),
          draftOrders.read(json, "draftOrders", errors));
      case ORDER_SIGN -> new OrderSignContext(userId, patientId, encounterId, draftOrders.read(json, "draftOrders", errors));
      case MEDICATION_PRESCRIBE -> new MedicationPrescribeContext(userId, patientId, encounterId,
          draftOrders.read(json, "medications", errors));
    };
  }

  private static String text(JsonNode json, String field, boolean required, List<FieldError> errors) {
    var value = json.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        errors.add(new FieldError("/context/" + field, "is required"));
      }
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      errors.add(new FieldError("/context/" + field, "must be a non-empty string"));
      return null;
    }
    if (value.textValue().length() > RequestLimits.MAX_ID_LENGTH) {
      errors.add(new FieldError("/context/" + field, RequestLimits.tooLong(RequestLimits.MAX_ID_LENGTH)));
      return null;
    }
    return value.textValue();
  }

  private static void limit(String value, String pointer, int limit, List<FieldError> errors) {
    if (value != null && value.length() > limit) {
      errors.add(new FieldError(pointer, RequestLimits.tooLong(limit)));
    }
  }

  private static List<String> selections(JsonNode json, List<FieldError> errors) {
    var value = json.get("selections");
    if (value == null || value.isNull()) {
      return List.of();
    }
    var selections = new ArrayList<String>();
    if (value.isArray()) {
      value.forEach(item -> selections.add(item.isTextual() ? item.textValue() : null));
    }
    if (!value.isArray() || selections.contains(null)) {
      errors.add(new FieldError("/context/selections", "must be an array of references (Type/id)"));
      return List.of();
    }
    if (selections.size() > RequestLimits.MAX_SELECTIONS) {
      errors.add(new FieldError("/context/selections", "has more than " + RequestLimits.MAX_SELECTIONS + " entries"));
      return List.of();
    }
    for (int i = 0; i < selections.size(); i++) {
      limit(selections.get(i), "/context/selections/" + i, RequestLimits.MAX_ID_LENGTH, errors);
    }
    return selections;
  }

  /** The client's prefetch for the service's keys; other keys are dropped unread. */
  private static Map<String, JsonNode> given(Map<String, JsonNode> prefetch, ServiceDefinition service,
      List<FieldError> errors) {
    var given = new HashMap<String, JsonNode>();
    prefetch.forEach((key, value) -> {
      if (!service.prefetch().containsKey(key)) {
        return;
      }
      if (value == null || value.isNull()) {
        given.put(key, null);
      } else if (value.isObject()) {
        given.put(key, CanonicalCodes.normalize(value)); // once per request, before the gate and the rules read it
      } else {
        errors.add(new FieldError("/prefetch/" + key.replace("~", "~0").replace("/", "~1"),
            "must be a FHIR resource or null"));
      }
    });
    return given;
  }
}
