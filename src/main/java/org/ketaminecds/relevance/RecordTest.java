package org.ketaminecds.relevance;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The part of a query's {@code where} clause the filter understands: comparisons of one primitive element of the
 * record with string or boolean literals ({@code M.status.value = 'draft'}, {@code ... in { 'a', 'b' }}), combined
 * with {@code not}, {@code and}, {@code or}; and a regular expression on a medication's text ({@link TextMatches}). Any
 * other clause is not represented: its retrieve keeps every record.
 */
public sealed interface RecordTest {

  /** A part of a clause the filter does not understand (always UNKNOWN), defined where clauses are read. */
  non-sealed interface Opaque extends RecordTest {}

  /** The value of a primitive element, read from a resource in one representation or the other. */
  interface Values extends Function<String, Value> {

    /**
     * The texts naming the CodeableConcept or Reference at {@code path}, in the order the content's medication-text
     * function reads them (concept text, reference display, each coding's display; absent ones left out), or null when
     * they cannot be read here (then a text test is UNKNOWN).
     */
    default List<String> texts(String path) {
      return null;
    }
  }

  /** A primitive's value as text, or absent (no element or no value), or unknown (not a primitive, a list...). */
  record Value(String text, boolean unknown) {
    public static final Value ABSENT = new Value(null, false);
    public static final Value UNKNOWN = new Value(null, true);

    public static Value of(String text) {
      return text == null ? ABSENT : new Value(text, false);
    }
  }

  /**
   * Whether a record with these values may pass the clause. {@code memo} keeps the answers of text tests within one
   * filtering pass (a chart repeats the same medication text on every refill); parts of a clause are evaluated only
   * while they can still change the answer (the tests have no side effects).
   */
  Truth on(Values values, TextMemo memo);

  /** {@link #on(Values, TextMemo)} with a memo of its own. */
  default Truth on(Values values) {
    return on(values, new TextMemo());
  }

  /** {@code path} equals one of {@code texts}; an absent value is UNKNOWN (CQL null semantics are not modelled). */
  record OneOf(String path, Set<String> texts) implements RecordTest {
    public OneOf {
      texts = Set.copyOf(texts);
    }

    @Override
    public Truth on(Values values, TextMemo memo) {
      Value value = values.apply(path);
      return value.unknown() || value.text() == null ? Truth.UNKNOWN : Truth.of(texts.contains(value.text()));
    }
  }

  /**
   * The lower-case text of the element at {@code path} matches {@code pattern} as a whole ({@code Matches}); see
   * {@link ConceptText} for how the text is put together. Unreadable texts are UNKNOWN.
   */
  record TextMatches(String path, Pattern pattern) implements RecordTest {
    @Override
    public Truth on(Values values, TextMemo memo) {
      List<String> texts = values.texts(path);
      return texts == null ? Truth.UNKNOWN : Truth.of(memo.mayMatch(texts, pattern));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TextMatches t && path.equals(t.path) && pattern.pattern().equals(t.pattern.pattern());
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + pattern.pattern().hashCode();
    }
  }

  /** A boolean literal in the clause. */
  record Fixed(boolean value) implements RecordTest {
    @Override
    public Truth on(Values values, TextMemo memo) {
      return Truth.of(value);
    }
  }

  record Not(RecordTest operand) implements RecordTest {
    @Override
    public Truth on(Values values, TextMemo memo) {
      return operand.on(values, memo).not();
    }
  }

  record All(List<RecordTest> operands) implements RecordTest {
    public All {
      operands = List.copyOf(operands);
    }

    @Override
    public Truth on(Values values, TextMemo memo) {
      Truth result = Truth.TRUE;
      for (int i = 0; i < operands.size() && result != Truth.FALSE; i++) {
        result = result.and(operands.get(i).on(values, memo));
      }
      return result;
    }
  }

  record Any(List<RecordTest> operands) implements RecordTest {
    public Any {
      operands = List.copyOf(operands);
    }

    @Override
    public Truth on(Values values, TextMemo memo) {
      Truth result = Truth.FALSE;
      for (int i = 0; i < operands.size() && result != Truth.TRUE; i++) {
        result = result.or(operands.get(i).on(values, memo));
      }
      return result;
    }
  }
}
