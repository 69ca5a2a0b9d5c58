package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.List;
import org.cqframework.cql.cql2elm.tracking.Trackable;
import org.cqframework.cql.elm.visiting.BaseElmLibraryVisitor;
import org.hl7.cql.model.DataType;
import org.hl7.cql.model.IntervalType;
import org.hl7.cql.model.ListType;
import org.hl7.elm.r1.Element;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.Union;

/**
 * The one piece of the translator's type information that the engine (4.4.0) reads while evaluating: whether a
 * {@code Union} combines lists or intervals. {@code EvaluationVisitor.visitUnion} asks the result types of the union
 * and its operands, so that, for example, the union of two null lists is an empty list (without them the engine
 * decides from the values and refuses two nulls). Freshly translated ELM carries these types; ELM read from JSON
 * does not. They are recorded per library, in visiting order, when the ELM is written and put back after it is read.
 */
final class UnionKinds {

  /** How the engine evaluates a union: as lists, as intervals, or by the operand values. */
  enum Kind { LIST, INTERVAL, BY_VALUE }

  private UnionKinds() {}

  /** The kind of every union of a freshly translated library, in visiting order. */
  static List<Kind> record(Library library) {
    return unions(library).stream().map(UnionKinds::kindOf).toList();
  }

  /**
   * Gives the unions of a library read from JSON the result types the engine asks for.
   *
   * @throws IllegalArgumentException when the library has another number of unions than recorded
   */
  static void restore(Library library, List<Kind> kinds) {
    List<Union> unions = unions(library);
    if (unions.size() != kinds.size()) {
      throw new IllegalArgumentException(
          "library " + library.getIdentifier().getId() + " has " + unions.size() + " unions, recorded " + kinds.size());
    }
    DataType any = DataType.Companion.getANY();
    for (int i = 0; i < unions.size(); i++) {
      DataType type = switch (kinds.get(i)) {
        case LIST -> new ListType(any);
        case INTERVAL -> new IntervalType(any);
        case BY_VALUE -> null;
      };
      Trackable.INSTANCE.setResultType(unions.get(i), type);
    }
  }

  /** The decision of {@code EvaluationVisitor.visitUnion}: any list type first, then any interval type. */
  private static Kind kindOf(Union union) {
    List<Object> types = new ArrayList<>();
    types.add(Trackable.INSTANCE.getResultType(union));
    union.getOperand().forEach(operand -> types.add(Trackable.INSTANCE.getResultType(operand)));
    if (types.stream().anyMatch(ListType.class::isInstance)) {
      return Kind.LIST;
    }
    return types.stream().anyMatch(IntervalType.class::isInstance) ? Kind.INTERVAL : Kind.BY_VALUE;
  }

  static List<Union> unions(Library library) {
    List<Union> unions = new ArrayList<>();
    new BaseElmLibraryVisitor<Void, Void>() {
      @Override
      protected Void defaultResult(Element elm, Void context) {
        return null;
      }

      @Override
      public Void visitUnion(Union elm, Void context) {
        unions.add(elm);
        return super.visitUnion(elm, context);
      }
    }.visitLibrary(library, null);
    return unions;
  }
}
