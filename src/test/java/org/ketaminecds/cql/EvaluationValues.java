package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBase;
import org.opencds.cqf.cql.engine.runtime.Interval;
import org.opencds.cqf.cql.engine.runtime.Tuple;

/**
 * Engine results in a form that compares by value, to check that two ways of loading the same content evaluate
 * alike: lists element by element, tuples and intervals by their parts, CQL runtime values by class and text, FHIR
 * elements by identity (both evaluations read the same request resources, so a value taken from them is the same
 * object).
 */
final class EvaluationValues {

  private EvaluationValues() {}

  /** The values and the failures of a result. */
  static Map<String, Object> comparable(EvaluationResult result) {
    Map<String, Object> values = new TreeMap<>();
    result.values().forEach((name, value) -> values.put(name, comparable(value)));
    return Map.of("values", values, "failures", new TreeMap<>(result.failures()));
  }

  static Object comparable(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Iterable<?> list) {
      List<Object> elements = new ArrayList<>();
      list.forEach(element -> elements.add(comparable(element)));
      return elements;
    }
    if (value instanceof Tuple tuple) {
      Map<String, Object> elements = new LinkedHashMap<>();
      new TreeMap<>(tuple.getElements()).forEach((name, element) -> elements.put(name, comparable(element)));
      return Map.of("Tuple", elements);
    }
    if (value instanceof Interval interval) {
      return List.of("Interval", interval.getLowClosed(), comparable(interval.getLow()),
          comparable(interval.getHigh()), interval.getHighClosed());
    }
    if (value instanceof IBase element) {
      return element.getClass().getSimpleName() + "@" + System.identityHashCode(element);
    }
    return value.getClass().getName() + ": " + value;
  }
}
