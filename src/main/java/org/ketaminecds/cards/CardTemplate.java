package org.ketaminecds.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The card a rule renders, as written in the definition file. {@code summary}, {@code detail}, link
 * labels and urls, suggestion labels, action descriptions, resource ids and string values inside action
 * resources are text templates ({@link TextTemplate}); {@code source} and {@code overrideReasons} are
 * static.
 */
public record CardTemplate(
    String summary,
    String detail,
    Indicator indicator,
    Source source,
    List<Link> links,
    SelectionBehavior selectionBehavior,
    List<SuggestionTemplate> suggestions,
    List<Coding> overrideReasons) {

  public CardTemplate {
    links = copy(links);
    suggestions = copy(suggestions);
    overrideReasons = copy(overrideReasons);
  }

  /** Every interpolated field, keyed by its JSON path below {@code card} (e.g. {@code links[0].url}). */
  public Map<String, TextTemplate> templates() {
    var templates = new LinkedHashMap<String, TextTemplate>();
    put(templates, "summary", summary);
    put(templates, "detail", detail);
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i) != null) {
        put(templates, "links[" + i + "].label", links.get(i).label());
        put(templates, "links[" + i + "].url", links.get(i).url());
      }
    }
    for (int s = 0; s < suggestions.size(); s++) {
      var suggestion = suggestions.get(s);
      if (suggestion == null) {
        continue;
      }
      var prefix = "suggestions[" + s + "]";
      put(templates, prefix + ".label", suggestion.label());
      for (int a = 0; a < suggestion.actions().size(); a++) {
        var action = suggestion.actions().get(a);
        if (action != null) {
          var actionPrefix = prefix + ".actions[" + a + "]";
          put(templates, actionPrefix + ".description", action.description());
          put(templates, actionPrefix + ".resourceId", action.resourceId());
          putStrings(templates, actionPrefix + ".resource", action.resource());
        }
      }
    }
    return templates;
  }

  private static void put(Map<String, TextTemplate> templates, String path, String text) {
    if (text != null) {
      templates.put(path, TextTemplate.parse(text));
    }
  }

  private static void putStrings(Map<String, TextTemplate> templates, String path, JsonNode node) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      put(templates, path, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        putStrings(templates, path + "[" + i + "]", node.get(i));
      }
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> putStrings(templates, path + "." + e.getKey(), e.getValue()));
    }
  }

  static <T> List<T> copy(List<T> list) {
    // keeps null elements so the loader can report them by index
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
