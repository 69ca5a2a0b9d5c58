package org.ketaminecds.relevance;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The part of a query's {@code where} clause the filter understands: comparisons of one primitive element of the
 * record with string or boolean literals ({@code M.status.value = 'draft'}, {@code ... in { 'a', 'b' }}), combined
 * with {@code not}, {@code and}, {@code or}. Any other clause is not represented: its retrieve keeps every record.
 */
public sealed interface RecordTest {

  /** A part of a clause the filter does not understand (always UNKNOWN), defined where clauses are read. */
  non-sealed interface Opaque extends RecordTest {}

  /** The value of a primitive element, read from a resource in one representation or the other. */
  interface Values extends Function<String, Value> {}

  /** A primitive's value as text, or absent (no element or no value), or unknown (not a primitive, a list...). */
  record Value(String text, boolean unknown) {
    public static final Value ABSENT = new Value(null, false);
    public static final Value UNKNOWN = new Value(null, true);

    public static Value of(String text) {
      return text == null ? ABSENT : new Value(text, false);
    }
  }

  Truth on(Values values);

  /** {@code path} equals one of {@code texts}; an absent value is UNKNOWN (CQL null semantics are not modelled). */
  record OneOf(String path, Set<String> texts) implements RecordTest {
    public OneOf {
      texts = Set.copyOf(texts);
    }

    @Override
    public Truth on(Values values) {
      Value value = values.apply(path);
      return value.unknown() || value.text() == null ? Truth.UNKNOWN : Truth.of(texts.contains(value.text()));
    }
  }

  record Not(RecordTest operand) implements RecordTest {
    @Override
    public Truth on(Values values) {
      return operand.on(values).not();
    }
  }

  record All(List<RecordTest> operands) implements RecordTest {
    public All {
      operands = List.copyOf(operands);
    }

    @Override
    public Truth on(Values values) {
      Truth result = Truth.TRUE;
      for (RecordTest operand : operands) {
        result = result.and(operand.on(values));
      }
      return result;
    }
  }

  record Any(List<RecordTest> operands) implements RecordTest {
    public Any {
      operands = List.copyOf(operands);
    }

    @Override
    public Truth on(Values values) {
      Truth result = Truth.FALSE;
      for (RecordTest operand : operands) {
        result = result.or(operand.on(values));
      }
      return result;
    }
  }
}
