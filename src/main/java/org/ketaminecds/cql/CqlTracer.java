package org.ketaminecds.cql;

import java.util.Map;

/** Evaluation with the details an explanation needs; slower than {@link CqlEvaluator}, for one request at a time. */
public interface CqlTracer {

  /**
   * Evaluates the request's defines one at a time on one engine, staged as {@link CqlEvaluator} does (the
   * expressions, then the defines of the conditions met), and returns each define's trace in evaluation order.
   */
  Map<String, DefineTrace> trace(EvaluationRequest request);
}
