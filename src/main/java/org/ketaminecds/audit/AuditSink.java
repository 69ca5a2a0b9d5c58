package org.ketaminecds.audit;

/**
 * Records one invocation without patient data (the patient id only as a keyed hash). Called by the
 * invocation orchestrator after the response is rendered, for successes and failures alike; it must not
 * throw into the request (a failed audit write is logged and counted, the cards still go out).
 */
public interface AuditSink {

  void record(InvocationAudit audit);
}
