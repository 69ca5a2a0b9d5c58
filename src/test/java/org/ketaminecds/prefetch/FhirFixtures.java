package org.ketaminecds.prefetch;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Resource;

/** FHIR JSON fixtures from src/test/resources/fhir/ (fake people, realistic shapes). */
final class FhirFixtures {

  static final FhirContext FHIR = FhirContext.forR4Cached();

  private FhirFixtures() {}

  static String json(String name) {
    try (InputStream in = FhirFixtures.class.getResourceAsStream("/fhir/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture fhir/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture with {@code __FHIR_BASE__} (paging links) replaced by the test server's base. */
  static String json(String name, String fhirBase) {
    return json(name).replace("__FHIR_BASE__", fhirBase);
  }

  static <T extends Resource> T resource(String name, Class<T> type) {
    return FHIR.newJsonParser().parseResource(type, json(name));
  }
}
