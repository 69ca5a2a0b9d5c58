package org.ketaminecds.invocation;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.cql.DefineTrace;
import org.ketaminecds.definition.ServiceDefinition;

/**
 * One hook request run through the pipeline in-process with every define traced ({@link HookTracer}): the cards it
 * produces, which rule produced each ({@code Card.ruleId}), and how each define came out. For explaining, never
 * sent to an EHR.
 *
 * @param contentVersion the content version that answered ({@code reload.ContentSet#version})
 * @param service the service definition of that version
 * @param hook the hook of the request
 * @param now the evaluation time
 * @param cards the cards and degraded rules, exactly as the endpoint renders them
 * @param defines every define evaluated, in evaluation order
 * @param prefetch the time spent getting the patient's data
 * @param patientId the hook context's patient (to tell which reminders the endpoint would not repeat; never shown)
 */
public record TracedInvocation(long contentVersion, ServiceDefinition service, String hook, ZonedDateTime now,
    RenderedCards cards, Map<String, DefineTrace> defines, Duration prefetch, String patientId) {

  public TracedInvocation {
    defines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defines));
  }
}
