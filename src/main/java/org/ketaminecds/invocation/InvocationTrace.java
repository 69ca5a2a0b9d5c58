package org.ketaminecds.invocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.ketaminecds.audit.InvocationAudit;
import org.ketaminecds.audit.InvocationAudit.IssuedCard;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.cards.Suggestion;
import org.ketaminecds.definition.Hook;
import org.ketaminecds.prefetch.PatientData;
import org.ketaminecds.problem.ProblemTypes;
import org.ketaminecds.security.ClientIdentity;

/** What happened during one invocation, phase by phase; becomes its {@link InvocationAudit}. Not shared. */
final class InvocationTrace {

  static final String OK = "ok";

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private final Instant receivedAt;
  private final long started = System.nanoTime();
  private final String serviceId;
  private final HookRequest request;
  private final ClientIdentity client;
  private String patientId;
  private Duration prefetch;
  private Duration evaluate;
  private Duration render;
  private PatientData data;
  private RenderedCards cards;
  private String outcome;

  InvocationTrace(Instant receivedAt, String serviceId, HookRequest request, ClientIdentity client) {
    this.receivedAt = receivedAt;
    this.serviceId = serviceId;
    this.request = request;
    this.client = client;
  }

  void patient(String patientId) {
    this.patientId = patientId;
  }

  PatientData prefetch(Supplier<PatientData> phase) {
    var start = System.nanoTime();
    try {
      data = phase.get();
      return data;
    } finally {
      prefetch = Duration.ofNanos(System.nanoTime() - start);
    }
  }

  <T> T evaluate(Supplier<T> phase) {
    var start = System.nanoTime();
    try {
      return phase.get();
    } finally {
      evaluate = Duration.ofNanos(System.nanoTime() - start);
    }
  }

  RenderedCards render(Supplier<RenderedCards> phase) {
    var start = System.nanoTime();
    try {
      cards = phase.get();
      outcome = OK;
      return cards;
    } finally {
      render = Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /** The cards actually returned (repeated reminders left out): the ones audited as issued. */
  RenderedCards returned(RenderedCards returned) {
    cards = returned;
    return returned;
  }

  void failed(String problemSlug) {
    outcome = problemSlug;
  }

  InvocationAudit toAudit() {
    var issued = cards == null ? List.<IssuedCard>of() : cards.cards().stream()
        .map(c -> new IssuedCard(c.uuid(), c.ruleId(), c.indicator(),
            c.suggestions().stream().map(Suggestion::uuid).toList()))
        .toList();
    var degraded = cards == null ? List.<String>of() : cards.degraded().stream().map(DegradedRule::rule).toList();
    var timings = new InvocationAudit.Timings(prefetch, data == null ? null : data.fetchElapsed(), evaluate, render,
        Duration.ofNanos(System.nanoTime() - started));
    // only values known to be harmless reach the audit trail: the id and hook come from the client
    var hook = Hook.fromWire(request.hook());
    return new InvocationAudit(receivedAt, request.safeHookInstance().orElse(null),
        SAFE_ID.matcher(serviceId).matches() ? serviceId : "<invalid>", hook == null ? null : hook.wire(),
        client, patientId, issued,
        data == null ? Map.of() : data.keySources(), timings, degraded,
        outcome == null ? ProblemTypes.EVALUATION_FAILED.slug() : outcome);
  }
}
