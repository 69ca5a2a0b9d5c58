package org.ketaminecds.contenttest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One form of writing codes or records that means the same: a rewrite of a hook request after which the case's cards
 * must stay the same ({@link RealWorldDataContentTests}). The forms are grouped by what they rewrite: {@link
 * CodingForms}, {@link DoseForms}, {@link TextForms}, {@link TimeForms}, {@link RecordForms}; {@code -Dcontent.forms=NAME,...} picks
 * forms by name.
 *
 * @param name the form's name, unique across the groups
 * @param compared what of each card must stay the same
 * @param rewrite the rewrite, in place, of one hook request (its prefetch and draft orders)
 */
record SameMeaning(String name, Compared compared, Consumer<ObjectNode> rewrite) {

  /** Every form of every group. */
  static List<SameMeaning> all() {
    return Stream.of(CodingForms.FORMS, DoseForms.FORMS, TextForms.FORMS, TimeForms.FORMS, RecordForms.FORMS)
        .flatMap(List::stream).toList();
  }

  @Override
  public String toString() {
    return name;
  }

  /** What of each card must stay the same. */
  enum Compared {
    /** Which rules fire, and how urgently (forms that rewrite the words a card quotes). */
    RULES,
    /** Rule and summary (most forms: the detail may relabel a record, e.g. by a display the form removed). */
    SUMMARIES,
    /** Rule, summary and detail (forms that only reorder, repeat or re-address what was sent). */
    WHOLE_CARDS
  }
}
