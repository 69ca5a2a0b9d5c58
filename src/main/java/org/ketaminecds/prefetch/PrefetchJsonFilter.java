package org.ketaminecds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ketaminecds.relevance.DataNeeds;
import org.ketaminecds.relevance.JsonResourceView;
import org.ketaminecds.relevance.RelevanceFilter;

/**
 * Leaves out the entries of a prefetched Bundle that no rule can read, before HAPI parses them (HAPI's parse is the
 * costliest step of a large prefetch). Decided on the JSON as the client sent it, and only where it shows plainly
 * ({@link JsonResourceView}); Medication entries (which orders may reference) and OperationOutcomes (which say a key
 * failed) are always kept, and the CQL step filters again on the parsed, resolved resources. The codes of the client's
 * tree are already written as the value sets write them (the request's validation applies {@code codes.CanonicalCodes}
 * once); nothing of the tree is changed here: a Bundle with entries left out is a shallow copy.
 */
final class PrefetchJsonFilter {

  /** Referenced by orders (medicationReference is resolved after parsing), or telling that a key failed. */
  private static final Set<String> ALWAYS_KEPT = Set.of("Medication", "OperationOutcome", "Bundle");

  private final DataNeeds needs;
  private final String patientId;
  private final Set<String> reservedKeys;

  /** @param reservedKeys {@code Type/id} of the draft resources, which replace prefetched ones with the same id */
  PrefetchJsonFilter(DataNeeds needs, String patientId, Set<String> reservedKeys) {
    this.needs = needs;
    this.patientId = patientId;
    this.reservedKeys = Set.copyOf(reservedKeys);
  }

  JsonNode apply(JsonNode value) {
    if (!needs.filters() || patientId == null || !(value instanceof ObjectNode bundle)
        || !"Bundle".equals(bundle.path("resourceType").textValue())
        || !(bundle.get("entry") instanceof ArrayNode entries) || entries.isEmpty()) {
      return value;
    }
    List<JsonNode> kept = new ArrayList<>(entries.size());
    List<JsonResourceView> views = new ArrayList<>(entries.size());
    List<JsonNode> unread = new ArrayList<>();
    for (JsonNode entry : entries) {
      JsonNode resource = entry.get("resource");
      if (resource instanceof ObjectNode) {
        kept.add(entry);
        views.add(new JsonResourceView(resource));
      } else {
        unread.add(entry); // no resource, or not an object: HAPI says what is wrong
      }
    }
    var keep = RelevanceFilter.keep(views, needs, patientId, ALWAYS_KEPT, reservedKeys);
    if (keep.cardinality() == views.size()) {
      return value;
    }
    ObjectNode copy = bundle.objectNode();
    bundle.fields().forEachRemaining(field -> copy.set(field.getKey(), field.getValue()));
    ArrayNode fewer = copy.putArray("entry");
    RelevanceFilter.select(kept, keep).forEach(fewer::add);
    unread.forEach(fewer::add);
    return copy;
  }
}
