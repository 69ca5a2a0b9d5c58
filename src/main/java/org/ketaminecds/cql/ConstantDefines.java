package org.ketaminecds.cql;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.cqframework.cql.elm.visiting.BaseElmLibraryVisitor;
import org.hl7.elm.r1.Element;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.ExpressionRef;
import org.hl7.elm.r1.FunctionDef;
import org.hl7.elm.r1.FunctionRef;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.Now;
import org.hl7.elm.r1.ParameterRef;
import org.hl7.elm.r1.Retrieve;
import org.hl7.elm.r1.TimeOfDay;
import org.hl7.elm.r1.Today;
import org.hl7.elm.r1.VersionedIdentifier;

/**
 * Finds the defines whose value is the same for every patient and every request: no retrieve, no clock ({@code
 * Today()}, {@code Now()}, {@code TimeOfDay()}), no external function, and only such defines and functions
 * referenced, across included libraries. Parameters count as constant: they are the site's, fixed for the
 * process; a parameter a request sets itself ({@link EvaluationRequest#parameters()}) does not, so a define that
 * reads it is not constant for that request ({@link #find(Collection, Set)}). Examples: the
 * product-to-ingredient map, the configured dose minimums, code lists. Their values are computed once and handed
 * to every evaluation, instead of each request rebuilding hundreds of tuples.
 */
final class ConstantDefines extends BaseElmLibraryVisitor<Boolean, Library> {

  private final ElmLibraries libraries;
  private final Map<ExpressionDef, Boolean> known = new HashMap<>();
  private final Set<ExpressionDef> visiting = new HashSet<>();
  private final Set<String> varying;

  private ConstantDefines(Collection<CompiledLibrary> compiled, Set<String> varying) {
    this.libraries = new ElmLibraries(compiled);
    this.varying = Set.copyOf(varying);
  }

  /** Library identifier to the names of its constant expression defines (functions are not defines). */
  static Map<VersionedIdentifier, List<String>> find(Collection<CompiledLibrary> compiled) {
    return find(compiled, Set.of());
  }

  /**
   * The same, for requests that set the {@code varying} parameters themselves: a define that reads one of them (in
   * any library, directly or through other defines) is not constant.
   */
  static Map<VersionedIdentifier, List<String>> find(Collection<CompiledLibrary> compiled, Set<String> varying) {
    var finder = new ConstantDefines(compiled, varying);
    Map<VersionedIdentifier, List<String>> constants = new LinkedHashMap<>();
    finder.libraries.all().forEach(library -> {
      if (library.getStatements() == null) {
        return;
      }
      List<String> names = library.getStatements().getDef().stream()
          .filter(def -> !(def instanceof FunctionDef) && finder.isConstant(def, library))
          .map(ExpressionDef::getName)
          .toList();
      if (!names.isEmpty()) {
        constants.put(library.getIdentifier(), names);
      }
    });
    return constants;
  }

  private boolean isConstant(ExpressionDef def, Library library) {
    Boolean result = known.get(def);
    if (result != null) {
      return result;
    }
    if (!visiting.add(def)) {
      return false; // a cycle: not worth proving
    }
    try {
      result = def instanceof FunctionDef function && Boolean.TRUE.equals(function.isExternal())
          ? false
          : def.getExpression() == null || visitExpression(def.getExpression(), library);
    } finally {
      visiting.remove(def);
    }
    known.put(def, result);
    return result;
  }

  @Override
  protected Boolean defaultResult(Element elm, Library library) {
    return true;
  }

  @Override
  protected Boolean aggregateResult(Boolean aggregate, Boolean nextResult) {
    return aggregate && nextResult;
  }

  @Override
  public Boolean visitRetrieve(Retrieve elm, Library library) {
    return false;
  }

  @Override
  public Boolean visitParameterRef(ParameterRef elm, Library library) {
    return !varying.contains(elm.getName());
  }

  @Override
  public Boolean visitToday(Today elm, Library library) {
    return false;
  }

  @Override
  public Boolean visitNow(Now elm, Library library) {
    return false;
  }

  @Override
  public Boolean visitTimeOfDay(TimeOfDay elm, Library library) {
    return false;
  }

  @Override
  public Boolean visitExpressionRef(ExpressionRef elm, Library library) {
    if (elm instanceof FunctionRef function) {
      return visitFunctionRef(function, library);
    }
    Optional<Library> target = libraries.target(elm.getLibraryName(), library);
    return target.flatMap(t -> ElmLibraries.definitions(t, elm.getName()).findFirst().map(def -> isConstant(def, t)))
        .orElse(false);
  }

  @Override
  public Boolean visitFunctionRef(FunctionRef elm, Library library) {
    if (!super.visitFunctionRef(elm, library)) { // the arguments
      return false;
    }
    Optional<Library> target = libraries.target(elm.getLibraryName(), library);
    // every overload of the name must be constant: the signature match is the engine's business
    return target.map(t -> {
      List<ExpressionDef> overloads = ElmLibraries.definitions(t, elm.getName()).toList();
      return !overloads.isEmpty() && overloads.stream().allMatch(def -> isConstant(def, t));
    }).orElse(false);
  }
}
