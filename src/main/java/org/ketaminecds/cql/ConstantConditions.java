package org.ketaminecds.cql;

import org.hl7.elm.r1.And;
import org.hl7.elm.r1.Exists;
import org.hl7.elm.r1.Expression;
import org.hl7.elm.r1.IsNull;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.Literal;
import org.hl7.elm.r1.Not;
import org.hl7.elm.r1.Or;
import org.ketaminecds.relevance.Truth;

/**
 * The value of an {@code if} condition made only of precomputed constants ({@code not exists Config."Code List"}):
 * boolean literals, references to constant defines, {@code not}, {@code and}, {@code or}, {@code exists},
 * {@code is null}. Anything else is UNKNOWN, and both branches count.
 */
final class ConstantConditions {

  private ConstantConditions() {}

  static Truth truth(Expression condition, Library library, ConstantValues constants) {
    if (condition instanceof Literal literal && literal.getValueType() != null
        && "Boolean".equals(literal.getValueType().getLocalPart())) {
      return Truth.of(Boolean.parseBoolean(literal.getValue()));
    }
    if (condition instanceof Not not) {
      return negate(truth(not.getOperand(), library, constants));
    }
    if (condition instanceof And and && and.getOperand().size() == 2) {
      Truth a = truth(and.getOperand().get(0), library, constants);
      Truth b = truth(and.getOperand().get(1), library, constants);
      return a == Truth.FALSE || b == Truth.FALSE ? Truth.FALSE
          : a == Truth.TRUE && b == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
    }
    if (condition instanceof Or or && or.getOperand().size() == 2) {
      Truth a = truth(or.getOperand().get(0), library, constants);
      Truth b = truth(or.getOperand().get(1), library, constants);
      return a == Truth.TRUE || b == Truth.TRUE ? Truth.TRUE
          : a == Truth.FALSE && b == Truth.FALSE ? Truth.FALSE : Truth.UNKNOWN;
    }
    if (condition instanceof Exists exists) {
      return constants.of(exists.getOperand(), library)
          .map(v -> v.value() == null ? Truth.FALSE
              : v.value() instanceof Iterable<?> list ? Truth.of(list.iterator().hasNext()) : Truth.UNKNOWN)
          .orElse(Truth.UNKNOWN);
    }
    if (condition instanceof IsNull isNull) {
      return constants.of(isNull.getOperand(), library).map(v -> Truth.of(v.value() == null)).orElse(Truth.UNKNOWN);
    }
    return constants.of(condition, library)
        .map(v -> v.value() instanceof Boolean b ? Truth.of(b) : Truth.UNKNOWN)
        .orElse(Truth.UNKNOWN);
  }

  private static Truth negate(Truth truth) {
    return truth == Truth.TRUE ? Truth.FALSE : truth == Truth.FALSE ? Truth.TRUE : Truth.UNKNOWN;
  }
}
