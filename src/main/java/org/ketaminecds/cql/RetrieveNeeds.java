package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.cqframework.cql.elm.visiting.BaseElmLibraryVisitor;
import org.hl7.elm.r1.Element;
import org.hl7.elm.r1.Exists;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.ExpressionRef;
import org.hl7.elm.r1.FunctionRef;
import org.hl7.elm.r1.If;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.Query;
import org.hl7.elm.r1.Retrieve;
import org.ketaminecds.relevance.DataNeeds;
import org.ketaminecds.relevance.Need;
import org.ketaminecds.relevance.Truth;
import org.opencds.cqf.cql.engine.model.ModelResolver;

/**
 * What the defines of one evaluation can retrieve, read from the compiled content (ELM): every retrieve reachable
 * from those defines through define and function references across included libraries, each with its resource
 * type, its code filter resolved to codes ({@link RetrieveCodes}), the simple part of the {@code where} clause of a
 * query over it ({@link WhereTests}), and whether only its existence is read. A branch of an {@code if} whose
 * condition is a constant (site parameters, code lists) that rules it out is not followed. Anything else widens the
 * need: a code filter that cannot be resolved keeps every record of the type; a retrieve with includes keeps
 * everything.
 */
final class RetrieveNeeds extends BaseElmLibraryVisitor<Void, Library> {

  private final ElmLibraries libraries;
  private final RetrieveCodes codes;
  private final WhereTests where;
  private final ModelResolver modelResolver;
  private final ConstantValues constants;
  private final List<Need> needs = new ArrayList<>();
  private final Set<Retrieve> handled = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<ExpressionDef> visited = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean everything;

  private RetrieveNeeds(ElmLibraries libraries, InMemoryTerminologyProvider terminology, ModelResolver modelResolver,
      ConstantValues constants) {
    this.libraries = libraries;
    this.codes = new RetrieveCodes(libraries, terminology, constants);
    this.where = new WhereTests(libraries, constants);
    this.modelResolver = modelResolver;
    this.constants = constants;
  }

  static DataNeeds of(ElmLibraries libraries, Library library, Collection<String> expressions,
      InMemoryTerminologyProvider terminology, ModelResolver modelResolver,
      ConstantValues constants) {
    var finder = new RetrieveNeeds(libraries, terminology, modelResolver, constants);
    for (String expression : expressions) {
      ElmLibraries.definitions(library, expression).forEach(def -> finder.define(def, library));
    }
    return finder.everything ? DataNeeds.everything() : DataNeeds.of(finder.needs);
  }

  private void define(ExpressionDef def, Library library) {
    if (visited.add(def) && def.getExpression() != null) {
      visitExpression(def.getExpression(), library);
    }
  }

  @Override
  public Void visitRetrieve(Retrieve retrieve, Library library) {
    if (handled.add(retrieve)) {
      needs.add(need(retrieve, library));
    }
    return super.visitRetrieve(retrieve, library);
  }

  @Override
  public Void visitExists(Exists exists, Library library) {
    var operand = exists.getOperand();
    if (operand instanceof Retrieve retrieve && handled.add(retrieve)) {
      needs.add(existence(need(retrieve, library), retrieve));
    } else if (operand instanceof Query query && retrieveSource(query) instanceof Retrieve retrieve
        && handled.add(retrieve)) {
      needs.add(existence(need(retrieve, library).withTest(where.test(query, library)), retrieve));
    }
    return super.visitExists(exists, library);
  }

  @Override
  public Void visitQuery(Query query, Library library) {
    if (retrieveSource(query) instanceof Retrieve retrieve && handled.add(retrieve)) {
      needs.add(need(retrieve, library).withTest(where.test(query, library)));
    }
    return super.visitQuery(query, library);
  }

  @Override
  public Void visitIf(If branch, Library library) {
    Truth condition = ConstantConditions.truth(branch.getCondition(), library, constants);
    if (condition == Truth.UNKNOWN) {
      return super.visitIf(branch, library);
    }
    var taken = condition == Truth.TRUE ? branch.getThen() : branch.getElse();
    return taken == null ? null : visitExpression(taken, library);
  }

  @Override
  public Void visitExpressionRef(ExpressionRef ref, Library library) {
    if (ref instanceof FunctionRef function) {
      return visitFunctionRef(function, library);
    }
    libraries.target(ref.getLibraryName(), library).ifPresent(target ->
        ElmLibraries.definitions(target, ref.getName()).forEach(def -> define(def, target)));
    return null;
  }

  @Override
  public Void visitFunctionRef(FunctionRef ref, Library library) {
    super.visitFunctionRef(ref, library); // the arguments
    libraries.target(ref.getLibraryName(), library).ifPresent(target ->
        ElmLibraries.definitions(target, ref.getName()).forEach(def -> define(def, target)));
    return null;
  }

  @Override
  protected Void defaultResult(Element elm, Library library) {
    return null;
  }

  /** The retrieve a query ranges over, when it is its only source and the query has no let or relationship. */
  private static Object retrieveSource(Query query) {
    if (query.getSource().size() != 1 || !query.getLet().isEmpty() || !query.getRelationship().isEmpty()) {
      return null;
    }
    return query.getSource().get(0).getExpression();
  }

  private Need need(Retrieve retrieve, Library library) {
    String type = retrieve.getDataType() == null ? null : retrieve.getDataType().getLocalPart();
    if (type == null || !retrieve.getInclude().isEmpty()) {
      everything = true; // a retrieve that includes other resources: not modelled
      return Need.all(String.valueOf(type));
    }
    if (retrieve.getCodes() == null || retrieve.getCodeProperty() == null) {
      return Need.all(type);
    }
    var codeSet = codes.of(retrieve.getCodes(), library);
    return new Need(type, retrieve.getCodeProperty(), codeSet.orElse(null), null, false, null);
  }

  private Need existence(Need need, Retrieve retrieve) {
    if (retrieve.getContext() != null) {
      return need; // another patient's records: not a witness for this one
    }
    Object path = modelResolver.getContextPath("Patient", need.type());
    return need.forExistence(path instanceof String p && !p.isBlank() ? p : null);
  }

  /** For tests and logs: the needs as found, by type. */
  static Map<String, List<Need>> byType(DataNeeds needs) {
    Map<String, List<Need>> byType = new java.util.TreeMap<>();
    needs.types().forEach(type -> byType.put(type, needs.of(type)));
    return byType;
  }
}
