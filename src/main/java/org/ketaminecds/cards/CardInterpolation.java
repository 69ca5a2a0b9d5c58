package org.ketaminecds.cards;

import java.util.HashMap;
import java.util.Map;
import org.ketaminecds.cql.EvaluationResult;

/**
 * Interpolates templates against one evaluation result; a failed define degrades the rule, a define
 * without a value (null or absent) renders as nothing.
 */
record CardInterpolation(EvaluationResult result, Map<String, Object> bound) {

  CardInterpolation(EvaluationResult result) {
    this(result, Map.of());
  }

  /** The same, with the placeholder {@code name} standing for {@code value} (one element of its list). */
  CardInterpolation with(String name, Object value) {
    var values = new HashMap<String, Object>(bound);
    values.put(name, value);
    return new CardInterpolation(result, values);
  }

  String render(String text) {
    if (text == null) {
      return null;
    }
    return TextTemplate.parse(text).render(placeholder -> {
      var name = placeholder.expression();
      if (bound.containsKey(name)) {
        return CqlValues.text(bound.get(name));
      }
      if (result.failed(name)) {
        throw new RuleDegradedException("define '" + name + "' failed: " + result.failures().get(name));
      }
      return CqlValues.text(result.value(name));
    });
  }
}
