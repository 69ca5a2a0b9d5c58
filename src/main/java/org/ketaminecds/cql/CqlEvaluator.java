package org.ketaminecds.cql;

/** The one facade over the cqframework engine; thread-safe, one engine instance per call. */
public interface CqlEvaluator {

  EvaluationResult evaluate(EvaluationRequest request);
}
