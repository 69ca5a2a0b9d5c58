package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code cds.cql.parameters} overrides, converted to each declaring library's parameter type.
 * Values are keyed {@code Library.Parameter} for the engine, so a parameter keeps its own type in
 * every library that declares it; a request-level value of the same name replaces them.
 */
final class SiteParameters {

  private record Value(String library, String parameter, Object value) {}

  private final List<Value> values;

  private SiteParameters(List<Value> values) {
    this.values = List.copyOf(values);
  }

  static SiteParameters none() {
    return new SiteParameters(List.of());
  }

  /**
   * Keys match parameter names exactly or, failing that, ignoring case and everything but letters and
   * digits (Spring may rewrite map keys: {@code lookback-period} finds {@code "Lookback Period"}).
   */
  static SiteParameters convert(
      Map<String, String> overrides, Map<String, LoadedLibrary> libraries, List<CqlContentProblem> problems) {
    List<Value> values = new ArrayList<>();
    overrides.forEach(
        (key, text) -> {
          String source = "cds.cql.parameters." + key;
          String name = resolve(key, libraries);
          if (name == null) {
            problems.add(CqlContentProblem.of(source, "no CQL library declares a parameter of that name"));
            return;
          }
          if (HookParameters.isHookParameter(name)) {
            // a site value would apply to every call that does not set it: order-sign would read it as a selection
            problems.add(CqlContentProblem.of(source, "\"" + name + "\" is set for each call from the hook context "
                + "(order-select's selections); a site cannot set it"));
            return;
          }
          libraries.values().stream()
              .filter(library -> library.parameterTypes().containsKey(name))
              .forEach(
                  library -> {
                    String type = library.parameterTypes().get(name);
                    try {
                      values.add(new Value(library.name(), name, ParameterValues.convert(type, text)));
                    } catch (IllegalArgumentException e) {
                      problems.add(CqlContentProblem.of(
                          source, "parameter \"" + name + "\" of " + library.name() + ": " + e.getMessage()));
                    }
                  });
        });
    return new SiteParameters(values);
  }

  private static String resolve(String key, Map<String, LoadedLibrary> libraries) {
    String loose = null;
    for (LoadedLibrary library : libraries.values()) {
      for (String name : library.parameterTypes().keySet()) {
        if (name.equals(key)) {
          return name;
        }
        if (normalize(name).equals(normalize(key))) {
          loose = name;
        }
      }
    }
    return loose;
  }

  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The engine's parameter map: these site values, replaced by request values of the same name. */
  Map<String, Object> merge(Map<String, Object> request) {
    Map<String, Object> merged = new HashMap<>();
    for (Value value : values) {
      if (!request.containsKey(value.parameter())) {
        merged.put(value.library() + "." + value.parameter(), value.value());
      }
    }
    merged.putAll(request);
    return merged;
  }
}
