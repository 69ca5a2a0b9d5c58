package org.ketaminecds.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.prefetch.PatientData.KeySource;
import org.ketaminecds.security.ClientIdentity;

/**
 * One invocation, for the audit trail. {@code patientId} is in clear here only so the sink can key-hash
 * it; it is never stored or printed as is ({@link #toString()} leaves it out).
 *
 * @param outcome {@code ok}, or the problem type slug of the failure (e.g. {@code prefetch-unavailable})
 */
public record InvocationAudit(
    Instant receivedAt,
    String hookInstance,
    String serviceId,
    String hook,
    ClientIdentity client,
    String patientId,
    List<IssuedCard> cards,
    Map<String, KeySource> keySources,
    Timings timings,
    List<String> degradedRules,
    String outcome) {

  public InvocationAudit {
    cards = cards == null ? List.of() : List.copyOf(cards);
    keySources = keySources == null ? Map.of() : Map.copyOf(keySources);
    degradedRules = degradedRules == null ? List.of() : List.copyOf(degradedRules);
  }

  public record IssuedCard(String uuid, String ruleId, Indicator indicator, List<String> suggestionUuids) {
    public IssuedCard {
      suggestionUuids = suggestionUuids == null ? List.of() : List.copyOf(suggestionUuids);
    }
  }

  /** Per-phase wall time; {@code fetch} is the part of {@code prefetch} spent calling the FHIR server. */
  public record Timings(Duration prefetch, Duration fetch, Duration evaluate, Duration render, Duration total) {}

  @Override
  public String toString() {
    return "InvocationAudit[hookInstance=" + hookInstance + ", serviceId=" + serviceId + ", hook=" + hook
        + ", cards=" + cards.size() + ", outcome=" + outcome + "]";
  }
}
