package org.ketaminecds.relevance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The codes a retrieve's code filter can match, by code value: a coding matches when its code is listed for its
 * system, or listed without a system (which matches that code in any system, as the in-memory retrieve does).
 */
public final class CodeSet {

  private final Map<String, Set<String>> systemsByCode = new HashMap<>();
  private final Set<String> anySystem = new HashSet<>();

  /** Adds one code; a null system matches the code in every system. */
  public CodeSet add(String system, String code) {
    if (code != null) {
      if (system == null) {
        anySystem.add(code);
      } else {
        systemsByCode.computeIfAbsent(code, c -> new HashSet<>()).add(system);
      }
    }
    return this;
  }

  public boolean matches(String system, String code) {
    if (code == null) {
      return false;
    }
    if (anySystem.contains(code)) {
      return true;
    }
    Set<String> systems = systemsByCode.get(code);
    return systems != null && systems.contains(system);
  }

  public int size() {
    return anySystem.size() + systemsByCode.values().stream().mapToInt(Set::size).sum();
  }
}
