package org.ketaminecds.invocation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.reload.ContentSet;

/**
 * The CQL parameters of one hook call: those its context sets ({@link HookContext#cqlParameters()}, e.g. order-select's
 * selections) that a library of the content declares, then the caller's (an example case's {@code parameters}), which
 * win on a clash. Every path of a call (gate, prefetch needs, evaluation, trace) uses the same map.
 */
final class CallParameters {

  private CallParameters() {}

  static Map<String, Object> of(ContentSet version, HookContext context, Map<String, Object> given) {
    var fromContext = context.cqlParameters();
    if (fromContext.isEmpty()) {
      return given;
    }
    // a web slice test may run without a CQL catalog: then no library declares anything
    var declared = version.cql() == null ? Map.<String, Set<String>>of() : version.cql().parameterTypes();
    var merged = new LinkedHashMap<String, Object>();
    fromContext.forEach((name, value) -> {
      if (declared.containsKey(name)) {
        merged.put(name, value);
      }
    });
    merged.putAll(given);
    return merged;
  }
}
