package org.ketaminecds.cql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.terminology.CodeSystemInfo;
import org.opencds.cqf.cql.engine.terminology.TerminologyProvider;
import org.opencds.cqf.cql.engine.terminology.ValueSetInfo;

/** Value-set membership from the shipped vocabulary: one HashSet of {@code system|code} per url. Immutable. */
final class InMemoryTerminologyProvider implements TerminologyProvider {

  private final Map<String, Set<String>> members = new HashMap<>();
  private final Map<String, List<Code>> expansions;

  InMemoryTerminologyProvider(Map<String, List<Code>> expansions) {
    this.expansions = Map.copyOf(expansions);
    expansions.forEach(
        (url, codes) -> {
          Set<String> keys = new HashSet<>();
          codes.forEach(code -> keys.add(key(code.getSystem(), code.getCode())));
          members.put(url, Set.copyOf(keys));
        });
  }

  static String key(String system, String code) {
    return (system == null ? "" : system) + "|" + code;
  }

  boolean contains(String valueSetUrl, String system, String code) {
    return code != null && membersOf(valueSetUrl).contains(key(system, code));
  }

  @Override
  public boolean in(Code code, ValueSetInfo valueSet) {
    return code != null && contains(valueSet.getId(), code.getSystem(), code.getCode());
  }

  @Override
  public Iterable<Code> expand(ValueSetInfo valueSet) {
    membersOf(valueSet.getId());
    return expansions.get(stripVersion(valueSet.getId()));
  }

  /** The shipped expansion of a value set (version ignored), or null when there is none. */
  List<Code> expansion(String url) {
    return expansions.get(stripVersion(url));
  }

  @Override
  public Code lookup(Code code, CodeSystemInfo codeSystem) {
    return null;
  }

  private Set<String> membersOf(String url) {
    Set<String> keys = members.get(stripVersion(url));
    if (keys == null) {
      // cannot happen for translated content: the loader checks every declared value set
      throw new IllegalArgumentException("Unknown value set " + url);
    }
    return keys;
  }

  static String stripVersion(String canonical) {
    int bar = canonical == null ? -1 : canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }
}
