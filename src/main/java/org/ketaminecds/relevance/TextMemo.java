package org.ketaminecds.relevance;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The answers of text tests within one filtering pass. A chart names the same product on every order, refill and
 * statement, and the content's name patterns are long alternations that a regular expression tries at every position
 * of the text: each distinct text is tested once per pattern. Lives for one pass only (nothing of a patient is kept
 * across requests); not shared between threads.
 */
public final class TextMemo {

  private final Map<Pattern, Map<List<String>, Boolean>> answers = new IdentityHashMap<>();

  /** {@link ConceptText#mayMatch}, each distinct list of parts tested once per pattern. */
  public boolean mayMatch(List<String> parts, Pattern pattern) {
    return answers.computeIfAbsent(pattern, p -> new HashMap<>())
        .computeIfAbsent(parts, p -> ConceptText.mayMatch(p, pattern));
  }
}
