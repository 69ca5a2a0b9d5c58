package org.ketaminecds.cql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of the evaluated defines, and the defines that failed (name to a message without patient
 * data). A failed define degrades the rules that use it, not the request. Values are raw CQL engine
 * values: Boolean, Integer, BigDecimal, String, java.util.List, runtime.Tuple, runtime.Date/DateTime,
 * runtime.Interval, runtime.Quantity, runtime.Code or HAPI resources; a value may be null.
 */
public record EvaluationResult(Map<String, Object> values, Map<String, String> failures) {

  public EvaluationResult {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    failures = Map.copyOf(failures);
  }

  public Object value(String expression) {
    return values.get(expression);
  }

  public boolean failed(String expression) {
    return failures.containsKey(expression);
  }

  /** These values and failures with those of {@code more} (which win for a define in both). */
  public EvaluationResult plus(EvaluationResult more) {
    var allValues = new LinkedHashMap<>(values);
    allValues.putAll(more.values);
    var allFailures = new java.util.HashMap<>(failures);
    allFailures.putAll(more.failures);
    return new EvaluationResult(allValues, allFailures);
  }
}
