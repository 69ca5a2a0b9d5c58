package org.ketaminecds.cards;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Prefetch keys whose history was cut (a search with more pages than {@code cds.fhir.max-pages}), and what that
 * means for the cards: every rule reading such a key is reported degraded; a card it still fires says that the
 * history was incomplete; and one warning card says so for the whole response, since the absence of a card no
 * longer means the absence of a finding (README "Degraded rules", docs/deploy/replicas-and-scaling.md).
 *
 * @param truncatedKeys keys whose list is not whole
 * @param serviceKeys every prefetch key of the service (what a rule without {@code prefetchKeys} reads)
 */
public record IncompleteHistory(Set<String> truncatedKeys, Set<String> serviceKeys) {

  /** Rule id of the warning card (audit, metrics, feedback). */
  public static final String RULE_ID = "incomplete-history";

  public IncompleteHistory {
    truncatedKeys = Set.copyOf(new TreeSet<>(truncatedKeys));
    serviceKeys = Set.copyOf(serviceKeys);
  }

  public static IncompleteHistory none() {
    return new IncompleteHistory(Set.of(), Set.of());
  }

  boolean any() {
    return !truncatedKeys.isEmpty();
  }

  /** The truncated keys {@code rule} reads, sorted; empty when its data is whole. */
  Set<String> readBy(CardRule rule) {
    var read = new TreeSet<>(rule.keysRead(serviceKeys));
    read.retainAll(truncatedKeys);
    return read;
  }

  String degradedReason(Set<String> keys) {
    return "history incomplete: prefetch " + keyList(keys) + " had more pages than cds.fhir.max-pages; "
        + "not concluded from a partial list";
  }

  /** Appended to the detail of a card that fired from partial data. */
  String cardNote(Set<String> keys) {
    return "**History incomplete:** only part of " + keyList(keys) + " could be read (more pages than this "
        + "service reads). This card rests on the records that were read; records not read may change it.";
  }

  /** The one warning card of a response with truncated keys; {@code affectedRules} are the degraded rule ids. */
  Card notice(Source source, List<String> affectedRules) {
    String detail = "The EHR returned more pages than this service reads (`cds.fhir.max-pages`) for "
        + keyList(truncatedKeys) + ", so only part of that history was checked. A card not shown here does "
        + "**not** mean that no contraindication, precaution or treatment history exists"
        + (affectedRules.isEmpty() ? "." : ": rules affected: " + String.join(", ", affectedRules) + ".")
        + " Review the full record before relying on these cards.";
    return new Card(UUID.randomUUID().toString(),
        "History incomplete: not all of this patient's records could be read; findings may be missing",
        detail, Indicator.WARNING, source, List.of(), null, List.of(), List.of(), RULE_ID);
  }

  private static String keyList(Set<String> keys) {
    return (keys.size() == 1 ? "key " : "keys ") + String.join(", ", new TreeSet<>(keys));
  }
}
