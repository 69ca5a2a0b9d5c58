package org.ketaminecds.relevance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the defines of one evaluation can retrieve, derived from the compiled content (ELM): per resource type,
 * the needs of its retrieves. A type no retrieve reads is not needed at all. {@link #everything()} keeps every
 * resource (the filter switched off, or content the analysis cannot read).
 */
public final class DataNeeds {

  private static final DataNeeds EVERYTHING = new DataNeeds(null);

  private final Map<String, List<Need>> byType;

  private DataNeeds(Map<String, List<Need>> byType) {
    this.byType = byType;
  }

  public static DataNeeds everything() {
    return EVERYTHING;
  }

  public static DataNeeds of(Collection<Need> needs) {
    Map<String, List<Need>> byType = new TreeMap<>();
    needs.forEach(need -> byType.computeIfAbsent(need.type(), t -> new ArrayList<>()).add(need));
    byType.replaceAll((type, list) -> List.copyOf(list));
    return new DataNeeds(byType);
  }

  /** False when every resource is kept. */
  public boolean filters() {
    return byType != null;
  }

  /** The needs of a type; empty when no retrieve reads it. Only meaningful when {@link #filters()}. */
  public List<Need> of(String type) {
    return byType == null ? List.of() : byType.getOrDefault(type, List.of());
  }

  public Set<String> types() {
    return byType == null ? Set.of() : byType.keySet();
  }

  @Override
  public String toString() {
    return byType == null ? "DataNeeds[everything]" : "DataNeeds" + byType;
  }
}
