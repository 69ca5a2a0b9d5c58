package org.ketaminecds.codes;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** {@code urn:uuid:} ids and references of resources read from the EHR's FHIR server, as {@code Type/id}. */
public final class ParsedBundleReferences {

  private static final String URN_UUID = BundleReferences.URN_UUID;

  private ParsedBundleReferences() {}

  /**
   * What {@link BundleReferences} does to the request's JSON, on parsed resources (what the EHR's FHIR server
   * returned): an id that HAPI took from a {@code urn:uuid:} fullUrl becomes the uuid, and a reference
   * {@code urn:uuid:<id>} naming a resource of the collection becomes {@code Type/id}. In place.
   */
  public static void normalize(Collection<? extends Resource> resources) {
    Map<String, String> keys = new HashMap<>();
    for (Resource resource : resources) {
      String id = resource.getIdElement().getValue();
      if (id != null && BundleReferences.isUrnUuid(id)
          && BundleReferences.FHIR_ID.matcher(id.substring(URN_UUID.length())).matches()) {
        resource.setId(id.substring(URN_UUID.length()));
      }
      String idPart = resource.getIdElement().getIdPart();
      if (idPart != null && BundleReferences.FHIR_ID.matcher(idPart).matches()) {
        keys.putIfAbsent(URN_UUID + idPart.toLowerCase(Locale.ROOT), resource.fhirType() + "/" + idPart);
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    for (IBaseResource resource : resources) {
      ResourceElements.visit(resource, element -> {
        if (element instanceof Reference reference && reference.hasReference()
            && BundleReferences.isUrnUuid(reference.getReference())) {
          String key = keys.get(reference.getReference().toLowerCase(Locale.ROOT));
          if (key != null) {
            reference.setReference(key);
          }
        }
        return true;
      });
    }
  }
}
