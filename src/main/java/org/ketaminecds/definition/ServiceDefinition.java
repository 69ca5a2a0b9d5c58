package org.ketaminecds.definition;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.cards.CardRule;

/**
 * One service, bound from {@code cds-hooks/<id>.json}: the CDS Hooks discovery fields as they are served,
 * plus the private {@code _config} (docs/content/service-definitions.md).
 */
public record ServiceDefinition(
    String id,
    Hook hook,
    String title,
    String description,
    Map<String, String> prefetch,
    String usageRequirements,
    JsonNode extension,
    @JsonProperty("_config") ServiceConfig config) {

  public ServiceDefinition {
    prefetch = prefetch == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
  }

  /** The main hook first, then the additional ones. */
  public List<Hook> hooks() {
    var hooks = new ArrayList<Hook>();
    hooks.add(hook);
    if (config != null) {
      hooks.addAll(config.additionalHooks());
    }
    return List.copyOf(hooks);
  }

  public boolean answers(Hook candidate) {
    return candidate != null && hooks().contains(candidate);
  }

  public CqlLibraryRef library() {
    return config.cql().library();
  }

  public List<CardRule> rules() {
    return config.cards();
  }

  /** The prefetch keys whose data the rules can do without ({@code _config.optionalPrefetch}). */
  public Set<String> optionalPrefetch() {
    return config == null ? Set.of() : Set.copyOf(config.optionalPrefetch());
  }

  /** The define that says whether any rule can fire for a call ({@code _config.appliesWhen}), or null. */
  public String appliesWhen() {
    return config == null ? null : config.appliesWhen();
  }

  /** The defines to evaluate first: every rule's condition, and all defines of rules without one. */
  public Set<String> firstExpressions() {
    var names = new LinkedHashSet<String>();
    rules().forEach(rule -> {
      if (rule.conditionExpression() != null) {
        names.add(rule.conditionExpression());
      } else {
        names.addAll(rule.expressions());
      }
    });
    return Collections.unmodifiableSet(names);
  }

  /** Per condition, the other defines its rules read, needed only when the condition is met (the card renders). */
  public Map<String, Set<String>> expressionsWhenMet() {
    var byCondition = new LinkedHashMap<String, Set<String>>();
    rules().stream().filter(rule -> rule.conditionExpression() != null).forEach(rule -> {
      var names = byCondition.computeIfAbsent(rule.conditionExpression(), c -> new LinkedHashSet<>());
      names.addAll(rule.expressions());
      names.remove(rule.conditionExpression());
    });
    byCondition.values().removeIf(Set::isEmpty);
    return Collections.unmodifiableMap(byCondition);
  }

  /** The defines the rules read: the only expressions worth evaluating for this service. */
  public Set<String> requiredExpressions() {
    var names = new LinkedHashSet<String>();
    rules().forEach(rule -> names.addAll(rule.expressions()));
    return Collections.unmodifiableSet(names);
  }
}
