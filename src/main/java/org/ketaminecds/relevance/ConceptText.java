package org.ketaminecds.relevance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text the content's medication-text function ({@code KetamineCommon."Medication Text"}) builds from a
 * CodeableConcept or Reference: its parts (concept text, reference display, coding displays), without nulls, the
 * duplicates removed by CQL {@code union}, joined by one space and put in lower case. The filter may only drop a
 * record whose text certainly does not match, so it tries every way the engine could have removed duplicates (exact
 * equality, case-insensitive equivalence, none): a record is dropped only when none of them matches.
 */
public final class ConceptText {

  private ConceptText() {}

  /** Whether the text the content builds from {@code parts} may match {@code pattern} as a whole. */
  public static boolean mayMatch(List<String> parts, Pattern pattern) {
    for (String text : candidates(parts)) {
      if (pattern.matcher(text).matches()) {
        return true;
      }
    }
    return false;
  }

  static Set<String> candidates(List<String> parts) {
    List<String> present = new ArrayList<>();
    for (String part : parts) {
      if (part != null) {
        present.add(part);
      }
    }
    List<String> caseInsensitive = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String part : present) {
      if (seen.add(part.toLowerCase(Locale.ROOT))) {
        caseInsensitive.add(part);
      }
    }
    Set<String> candidates = new LinkedHashSet<>();
    for (String joined : List.of(String.join(" ", new LinkedHashSet<>(present)), String.join(" ", caseInsensitive),
        String.join(" ", present))) {
      candidates.add(joined.toLowerCase()); // as CQL Lower in the engine (the default locale)
      candidates.add(joined.toLowerCase(Locale.ROOT));
    }
    return candidates;
  }
}
