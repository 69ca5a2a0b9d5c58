package org.ketaminecds.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ketaminecds.audit.InvocationAudit.IssuedCard;
import org.ketaminecds.audit.InvocationAudit.Timings;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.prefetch.PatientData.KeySource;
import org.ketaminecds.security.ClientIdentity;

/** Test fixtures: audit records of invocations and the cards they issued. */
public final class Invocations {

  public static final String SERVICE = "ketamine-order-check";
  public static final String PATIENT_ID = "pat-4711-Mustermann";
  public static final ClientIdentity CLIENT = new ClientIdentity("https://ehr.example.org", "tenant-a", "jti-1");

  private Invocations() {}

  /** A card of {@code ruleId} with fresh uuids for itself and for {@code suggestions} suggestions. */
  public static IssuedCard card(String ruleId, Indicator indicator, int suggestions) {
    List<String> suggestionUuids = java.util.stream.IntStream.range(0, suggestions)
        .mapToObj(i -> UUID.randomUUID().toString()).toList();
    return new IssuedCard(UUID.randomUUID().toString(), ruleId, indicator, suggestionUuids);
  }

  /** A successful order-sign invocation at {@code at} that took {@code totalMillis} and issued {@code cards}. */
  public static InvocationAudit invocation(Instant at, long totalMillis, IssuedCard... cards) {
    return invocation(SERVICE, at, totalMillis, cards);
  }

  public static InvocationAudit invocation(String serviceId, Instant at, long totalMillis, IssuedCard... cards) {
    return new InvocationAudit(at, UUID.randomUUID().toString(), serviceId, "order-sign", CLIENT, PATIENT_ID,
        List.of(cards), Map.of("patient", KeySource.PREFETCHED, "conditions", KeySource.FETCHED),
        new Timings(Duration.ofMillis(3), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(1),
            Duration.ofMillis(totalMillis)),
        List.of(), "ok");
  }
}
