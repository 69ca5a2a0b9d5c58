package org.ketaminecds.invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.cql.HookParameters;

/**
 * order-select: {@code selections} are references into {@code draftOrders} of the orders just picked; the other
 * drafts are the rest of the ordering session.
 */
record OrderSelectContext(String userId, String patientId, String encounterId, List<String> selections, Bundle draftOrders)
    implements HookContext {

  OrderSelectContext {
    selections = selections == null ? List.of() : List.copyOf(selections);
  }

  @Override
  public List<Resource> draftResources() {
    return HookContext.entries(draftOrders);
  }

  /**
   * The CQL parameter {@value HookParameters#SELECTIONS} (when a library declares it: the content tells the orders
   * just picked from the rest of the session by it), unset when the selections cannot be told apart ({@link #selectedDrafts()}). */
  @Override
  public Map<String, Object> cqlParameters() {
    return selectedDrafts().<Map<String, Object>>map(picked -> Map.of(HookParameters.SELECTIONS, picked)).orElse(Map.of());
  }

  /**
   * The drafts {@code selections} designate, each as {@code Type/id} (the form the content builds from a draft's id),
   * in order. A selection designates a draft by {@code Type/id}, by an absolute URL ending in it, or by the entry's
   * {@code fullUrl}. Empty when there is no selection or one designates no draft: the service cannot tell what was
   * picked, and every draft then counts as picked (a card shown again rather than a contraindication missed).
   */
  Optional<List<String>> selectedDrafts() {
    if (selections.isEmpty() || draftOrders == null) {
      return Optional.empty();
    }
    var picked = new ArrayList<String>();
    for (var selection : selections) {
      var draft = draftOrders.getEntry().stream()
          .filter(entry -> entry.getResource() != null && designates(selection, entry))
          .map(entry -> local(entry.getResource()))
          .findFirst();
      if (draft.isEmpty()) {
        return Optional.empty();
      }
      picked.add(draft.get());
    }
    return Optional.of(List.copyOf(picked));
  }

  /** A draft without an id designates nothing: the content could not tell it apart. */
  private static boolean designates(String selection, Bundle.BundleEntryComponent entry) {
    if (entry.getResource().getIdElement().getIdPart() == null) {
      return false;
    }
    var local = local(entry.getResource());
    return selection.equals(entry.getFullUrl()) || selection.equals(local) || selection.endsWith("/" + local);
  }

  private static String local(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }
}
