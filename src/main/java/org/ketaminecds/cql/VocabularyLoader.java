package org.ketaminecds.cql;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.opencds.cqf.cql.engine.runtime.Code;

/**
 * Reads FHIR R4 ValueSets and expands them in memory: {@code expansion.contains} when present,
 * otherwise {@code compose} with enumerated concepts and {@code include.valueSet} references to other
 * shipped value sets (resolved recursively). Value sets are keyed by their {@code url} as published,
 * even when that url is malformed.
 */
final class VocabularyLoader {

  private final FhirContext fhirContext;

  VocabularyLoader(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** @param files file name (relative to the content folder) to JSON text */
  Vocabulary load(Map<String, String> files) {
    return new Expansion(parse(files)).run();
  }

  private Parsed parse(Map<String, String> files) {
    IParser parser = fhirContext.newJsonParser();
    Map<String, ValueSet> byUrl = new LinkedHashMap<>();
    Map<String, String> fileByUrl = new HashMap<>();
    List<CqlContentProblem> problems = new ArrayList<>();
    files.forEach(
        (file, json) -> {
          try {
            ValueSet valueSet = parser.parseResource(ValueSet.class, json);
            String url = valueSet.getUrl();
            if (url == null || url.isBlank()) {
              problems.add(CqlContentProblem.of(file, "url: missing"));
            } else if (fileByUrl.containsKey(url)) {
              problems.add(CqlContentProblem.of(file, "url: '" + url + "' is also defined by " + fileByUrl.get(url)));
            } else {
              byUrl.put(url, valueSet);
              fileByUrl.put(url, file);
            }
          } catch (DataFormatException | ClassCastException e) {
            problems.add(CqlContentProblem.of(file, "not a FHIR R4 ValueSet: " + e.getMessage()));
          }
        });
    return new Parsed(byUrl, fileByUrl, problems);
  }

  private record Parsed(
      Map<String, ValueSet> byUrl, Map<String, String> fileByUrl, List<CqlContentProblem> problems) {}

  /** One expansion run; remembers finished value sets and detects reference cycles. */
  private static final class Expansion {

    private final Parsed parsed;
    private final List<CqlContentProblem> problems;
    private final Map<String, Map<String, Code>> done = new HashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();

    Expansion(Parsed parsed) {
      this.parsed = parsed;
      this.problems = new ArrayList<>(parsed.problems());
    }

    Vocabulary run() {
      Map<String, List<Code>> codes = new HashMap<>();
      parsed.byUrl().keySet().forEach(url -> codes.put(url, List.copyOf(expand(url).values())));
      return new Vocabulary(codes, parsed.fileByUrl(), problems);
    }

    private Map<String, Code> expand(String url) {
      Map<String, Code> known = done.get(url);
      if (known != null) {
        return known;
      }
      String file = parsed.fileByUrl().get(url);
      if (resolving.contains(url)) {
        problems.add(CqlContentProblem.of(file, "compose refers back to itself through " + resolving));
        return Map.of();
      }
      resolving.push(url);
      ValueSet valueSet = parsed.byUrl().get(url);
      Map<String, Code> codes = new LinkedHashMap<>();
      if (valueSet.getExpansion().hasContains()) {
        addContains(valueSet.getExpansion().getContains(), codes);
      } else {
        List<ConceptSetComponent> includes = valueSet.getCompose().getInclude();
        for (int i = 0; i < includes.size(); i++) {
          codes.putAll(select(includes.get(i), file, "compose.include[" + i + "]"));
        }
        List<ConceptSetComponent> excludes = valueSet.getCompose().getExclude();
        for (int i = 0; i < excludes.size(); i++) {
          codes.keySet().removeAll(select(excludes.get(i), file, "compose.exclude[" + i + "]").keySet());
        }
      }
      resolving.pop();
      done.put(url, codes);
      return codes;
    }

    /** One include/exclude: its concepts, intersected with every value set it names (FHIR R4). */
    private Map<String, Code> select(ConceptSetComponent set, String file, String field) {
      if (set.hasFilter() || (set.hasSystem() && !set.hasConcept())) {
        problems.add(CqlContentProblem.of(
            file, field + ": filters and whole code systems cannot be expanded in memory; ship an expansion"));
        return Map.of();
      }
      Map<String, Code> selected = null;
      if (set.hasConcept()) {
        selected = new LinkedHashMap<>();
        for (var concept : set.getConcept()) {
          put(selected, set.getSystem(), set.getVersion(), concept.getCode(), concept.getDisplay());
        }
      }
      for (int i = 0; i < set.getValueSet().size(); i++) {
        String reference = InMemoryTerminologyProvider.stripVersion(set.getValueSet().get(i).getValue());
        if (!parsed.byUrl().containsKey(reference)) {
          problems.add(CqlContentProblem.of(
              file, field + ".valueSet[" + i + "]: '" + reference + "' is not in vocabulary/"));
          continue;
        }
        Map<String, Code> referenced = expand(reference);
        if (selected == null) {
          selected = new LinkedHashMap<>(referenced);
        } else {
          selected.keySet().retainAll(referenced.keySet());
        }
      }
      return selected == null ? Map.of() : selected;
    }

    private static void addContains(List<ValueSetExpansionContainsComponent> contains, Map<String, Code> codes) {
      for (var entry : contains) {
        if (entry.hasCode()) {
          put(codes, entry.getSystem(), entry.getVersion(), entry.getCode(), entry.getDisplay());
        }
        addContains(entry.getContains(), codes);
      }
    }

    private static void put(Map<String, Code> codes, String system, String version, String code, String display) {
      codes.putIfAbsent(
          InMemoryTerminologyProvider.key(system, code),
          new Code().withSystem(system).withVersion(version).withCode(code).withDisplay(display));
    }
  }
}
