package org.ketaminecds.cql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.opencds.cqf.cql.engine.runtime.Code;

/**
 * The codes of a retrieve's code filter, by code value, so that each coding of each resource is one hash lookup
 * instead of a scan of the list (the antidepressant filter has hundreds of codes). A code without a system matches
 * a coding of that code in any system, as a scan would.
 */
final class CodeIndex {

  private final Map<String, Set<String>> systemsByCode = new HashMap<>();
  private final Set<String> anySystem = new HashSet<>();

  CodeIndex(Iterable<Code> codes) {
    for (Code code : codes) {
      if (code == null || code.getCode() == null) {
        continue;
      }
      if (code.getSystem() == null) {
        anySystem.add(code.getCode());
      } else {
        systemsByCode.computeIfAbsent(code.getCode(), c -> new HashSet<>()).add(code.getSystem());
      }
    }
  }

  boolean matches(String system, String code) {
    if (code == null) {
      return false;
    }
    if (anySystem.contains(code)) {
      return true;
    }
    Set<String> systems = systemsByCode.get(code);
    return systems != null && systems.contains(system);
  }
}
