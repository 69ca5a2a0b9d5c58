package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hl7.elm.r1.And;
import org.hl7.elm.r1.Coalesce;
import org.hl7.elm.r1.Equal;
import org.hl7.elm.r1.Expression;
import org.hl7.elm.r1.FunctionRef;
import org.hl7.elm.r1.If;
import org.hl7.elm.r1.In;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.Literal;
import org.hl7.elm.r1.Matches;
import org.hl7.elm.r1.Not;
import org.hl7.elm.r1.Or;
import org.hl7.elm.r1.Property;
import org.hl7.elm.r1.Query;
import org.ketaminecds.relevance.RecordTest;
import org.ketaminecds.relevance.Truth;

/**
 * The {@code where} clause of a query over one retrieve, as a {@link RecordTest} on its records: comparisons of a
 * primitive element of the record ({@code M.status.value}, or {@code FHIRHelpers.ToString(M.status)}) with string or
 * boolean literals, by {@code =} or {@code in} a list, combined with {@code not}, {@code and}, {@code or}; and
 * {@code Matches} of the content's medication-text function on an element with a constant pattern. Any other part is
 * UNKNOWN, which keeps the record.
 */
final class WhereTests {

  /** A part of the clause the filter does not understand. */
  private record Unknown() implements RecordTest.Opaque {
    @Override
    public Truth on(RecordTest.Values values, org.ketaminecds.relevance.TextMemo memo) {
      return Truth.UNKNOWN;
    }
  }

  private static final RecordTest UNKNOWN = new Unknown();

  private final ElmLibraries libraries;
  private final ConstantValues constants;
  private final TextFunctions textFunctions;

  WhereTests(ElmLibraries libraries, ConstantValues constants) {
    this.libraries = libraries;
    this.constants = constants;
    this.textFunctions = new TextFunctions(libraries);
  }

  /** The test of the query's where clause on its only source; null when there is no where clause. */
  RecordTest test(Query query, Library library) {
    if (query.getWhere() == null) {
      return null;
    }
    return test(query.getWhere(), query.getSource().get(0).getAlias(), library);
  }

  private RecordTest test(Expression where, String alias, Library library) {
    if (where instanceof Not not) {
      RecordTest operand = test(not.getOperand(), alias, library);
      return operand == UNKNOWN ? UNKNOWN : new RecordTest.Not(operand);
    }
    if (where instanceof And and) {
      return new RecordTest.All(operands(and.getOperand(), alias, library));
    }
    if (where instanceof Or or) {
      return new RecordTest.Any(operands(or.getOperand(), alias, library));
    }
    if (where instanceof Equal equal && equal.getOperand().size() == 2) {
      String path = path(equal.getOperand().get(0), alias, library);
      String literal = literal(equal.getOperand().get(1));
      return path == null || literal == null ? UNKNOWN : new RecordTest.OneOf(path, Set.of(literal));
    }
    if (where instanceof In in && in.getOperand().size() == 2
        && in.getOperand().get(1) instanceof org.hl7.elm.r1.List list) {
      String path = path(in.getOperand().get(0), alias, library);
      List<String> literals = new ArrayList<>();
      for (Expression element : list.getElement()) {
        String literal = literal(element);
        if (literal == null) {
          return UNKNOWN;
        }
        literals.add(literal);
      }
      return path == null || literals.isEmpty() ? UNKNOWN : new RecordTest.OneOf(path, Set.copyOf(literals));
    }
    if (where instanceof If branch) {
      // if C then A else B  ==  (C and A) or (not C and B); a null condition takes the else branch
      RecordTest condition = test(branch.getCondition(), alias, library);
      RecordTest then = test(branch.getThen(), alias, library);
      RecordTest otherwise = test(branch.getElse(), alias, library);
      return new RecordTest.Any(List.of(new RecordTest.All(List.of(condition, then)),
          new RecordTest.All(List.of(condition == UNKNOWN ? UNKNOWN : new RecordTest.Not(condition), otherwise))));
    }
    if (where instanceof Literal literal && "Boolean".equals(typeName(literal)) && literal.getValue() != null) {
      return new RecordTest.Fixed(Boolean.parseBoolean(literal.getValue()));
    }
    if (where instanceof Matches matches && matches.getOperand().size() == 2) {
      return textMatches(matches.getOperand().get(0), matches.getOperand().get(1), alias, library);
    }
    return UNKNOWN;
  }

  /**
   * {@code Matches(F(alias.element), pattern)} or {@code Matches(Coalesce(F(alias.element), ''), pattern)}, F the
   * content's medication-text function ({@link TextFunctions}) and the pattern a string literal or constant define.
   */
  private RecordTest textMatches(Expression text, Expression pattern, String alias, Library library) {
    if (text instanceof Coalesce coalesce && coalesce.getOperand().size() == 2
        && coalesce.getOperand().get(1) instanceof Literal empty && "".equals(literal(empty))) {
      text = coalesce.getOperand().get(0);
    }
    if (!(text instanceof FunctionRef function) || !textFunctions.isMedicationText(function, library)) {
      return UNKNOWN;
    }
    String path = elementPath(function.getOperand().get(0), alias);
    String regex = pattern instanceof Literal literal ? literal(literal)
        : constants.of(pattern, library).map(known -> known.value() instanceof String s ? s : null).orElse(null);
    if (path == null || path.indexOf('.') >= 0 || regex == null) {
      return UNKNOWN;
    }
    try {
      return new RecordTest.TextMatches(path, Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      return UNKNOWN;
    }
  }

  private List<RecordTest> operands(List<Expression> operands, String alias, Library library) {
    return operands.stream().map(operand -> test(operand, alias, library)).toList();
  }

  /** {@code alias.a.b.value} (or FHIRHelpers.ToString/ToBoolean of {@code alias.a.b}) as {@code a.b}; else null. */
  private String path(Expression expression, String alias, Library library) {
    if (expression instanceof Property property && "value".equals(property.getPath()) && property.getScope() == null) {
      return elementPath(property.getSource(), alias);
    }
    if (expression instanceof FunctionRef function && function.getOperand().size() == 1
        && ("ToString".equals(function.getName()) || "ToBoolean".equals(function.getName()))
        && libraries.target(function.getLibraryName(), library)
            .map(l -> "FHIRHelpers".equals(l.getIdentifier().getId())).orElse(false)) {
      return elementPath(function.getOperand().get(0), alias);
    }
    return null;
  }

  private static String elementPath(Expression expression, String alias) {
    if (!(expression instanceof Property property) || property.getPath() == null) {
      return null;
    }
    if (property.getScope() != null) {
      return alias.equals(property.getScope()) && property.getSource() == null ? property.getPath() : null;
    }
    String parent = elementPath(property.getSource(), alias);
    return parent == null ? null : parent + "." + property.getPath();
  }

  private static String typeName(Literal literal) {
    return literal.getValueType() == null ? null : literal.getValueType().getLocalPart();
  }

  /** A string or boolean literal's text; null for anything else (numbers compare by value, not text). */
  private static String literal(Expression expression) {
    if (expression instanceof Literal literal && literal.getValueType() != null && literal.getValue() != null) {
      String type = literal.getValueType().getLocalPart();
      return "String".equals(type) || "Boolean".equals(type) ? literal.getValue() : null;
    }
    return null;
  }
}
