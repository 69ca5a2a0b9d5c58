package org.ketaminecds.invocation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.ketaminecds.config.JacksonConfig;

/** Hook request bodies for the web tests, valid for the test service {@code ketamine-test-check}. */
final class HookRequests {

  static final ObjectMapper MAPPER = new JacksonConfig().hookObjectMapper();

  private HookRequests() {}

  /** A valid order-sign request for patient p1 by Practitioner/pr1, with all three prefetch keys. */
  static ObjectNode orderSign() {
    try {
      var request = (ObjectNode) MAPPER.readTree("""
          {
            "hook": "order-sign",
            "context": {
              "userId": "Practitioner/pr1",
              "patientId": "p1",
              "draftOrders": { "resourceType": "Bundle", "type": "collection", "entry": [
                { "resource": { "resourceType": "MedicationRequest", "id": "draft-1", "status": "draft",
                  "intent": "order", "subject": { "reference": "Patient/p1" } } } ] }
            },
            "prefetch": {
              "patient": { "resourceType": "Patient", "id": "p1" },
              "conditions": null,
              "phq9": { "resourceType": "Bundle", "type": "searchset" },
              "undeclared": { "resourceType": "Patient", "id": "p1" }
            }
          }""");
      request.put("hookInstance", UUID.randomUUID().toString());
      return request;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(ObjectNode request) {
    try {
      return MAPPER.writeValueAsString(request);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
