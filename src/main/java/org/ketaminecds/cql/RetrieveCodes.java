package org.ketaminecds.cql;

import java.util.List;
import java.util.Optional;
import org.hl7.elm.r1.As;
import org.hl7.elm.r1.CodeDef;
import org.hl7.elm.r1.CodeRef;
import org.hl7.elm.r1.CodeSystemDef;
import org.hl7.elm.r1.ConceptDef;
import org.hl7.elm.r1.ConceptRef;
import org.hl7.elm.r1.Expression;
import org.hl7.elm.r1.Flatten;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.ToConcept;
import org.hl7.elm.r1.ToList;
import org.hl7.elm.r1.UnaryExpression;
import org.hl7.elm.r1.Union;
import org.hl7.elm.r1.ValueSetDef;
import org.hl7.elm.r1.ValueSetRef;
import org.ketaminecds.relevance.CodeSet;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.runtime.Concept;

/**
 * The codes a retrieve's code filter names: value sets (their shipped expansion), codes and concepts declared in the
 * libraries, lists and unions of those, and constant defines whose precomputed value is codes or concepts. Empty
 * when any part is something else: the retrieve then keeps every record of its type.
 */
final class RetrieveCodes {

  private final ElmLibraries libraries;
  private final InMemoryTerminologyProvider terminology;
  private final ConstantValues constants;

  RetrieveCodes(ElmLibraries libraries, InMemoryTerminologyProvider terminology, ConstantValues constants) {
    this.libraries = libraries;
    this.terminology = terminology;
    this.constants = constants;
  }

  Optional<CodeSet> of(Expression codes, Library library) {
    CodeSet set = new CodeSet();
    return add(codes, library, set) ? Optional.of(set) : Optional.empty();
  }

  private boolean add(Expression codes, Library library, CodeSet set) {
    if (codes instanceof ValueSetRef ref) {
      var def = libraries.target(ref.getLibraryName(), library).flatMap(l -> valueSet(l, ref.getName()));
      List<Code> expansion = def.map(d -> terminology.expansion(d.getId())).orElse(null);
      if (expansion == null) {
        return false;
      }
      expansion.forEach(code -> set.add(code.getSystem(), code.getCode()));
      return true;
    }
    if (codes instanceof CodeRef ref) {
      return libraries.target(ref.getLibraryName(), library).map(l -> code(l, ref.getName(), set)).orElse(false);
    }
    if (codes instanceof ConceptRef ref) {
      return libraries.target(ref.getLibraryName(), library).flatMap(l -> concept(l, ref.getName()).map(def ->
          def.getCode().stream().allMatch(code -> add(code, l, set)))).orElse(false);
    }
    if (codes instanceof ToList || codes instanceof ToConcept || codes instanceof As || codes instanceof Flatten) {
      return add(((UnaryExpression) codes).getOperand(), library, set);
    }
    if (codes instanceof org.hl7.elm.r1.List list) {
      return list.getElement().stream().allMatch(element -> add(element, library, set));
    }
    if (codes instanceof Union union) {
      return union.getOperand().stream().allMatch(operand -> add(operand, library, set));
    }
    return constants.of(codes, library).map(known -> value(known.value(), set)).orElse(false);
  }

  /** A precomputed value: a code, a concept, or a list of them (nulls match nothing). */
  private static boolean value(Object value, CodeSet set) {
    if (value == null) {
      return true;
    }
    if (value instanceof Code code) {
      set.add(code.getSystem(), code.getCode());
      return true;
    }
    if (value instanceof Concept concept) {
      return concept.getCodes() == null || concept.getCodes().stream().allMatch(c -> value(c, set));
    }
    if (value instanceof Iterable<?> list) {
      for (Object element : list) {
        if (!value(element, set)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private boolean code(Library library, String name, CodeSet set) {
    if (library.getCodes() == null) {
      return false;
    }
    for (CodeDef def : library.getCodes().getDef()) {
      if (name.equals(def.getName())) {
        var systemRef = def.getCodeSystem();
        var system = systemRef == null ? Optional.<CodeSystemDef>empty()
            : libraries.target(systemRef.getLibraryName(), library).flatMap(l -> codeSystem(l, systemRef.getName()));
        if (system.isEmpty()) {
          return false;
        }
        set.add(system.get().getId(), def.getId());
        return true;
      }
    }
    return false;
  }

  private static Optional<CodeSystemDef> codeSystem(Library library, String name) {
    return library.getCodeSystems() == null ? Optional.empty()
        : library.getCodeSystems().getDef().stream().filter(d -> name.equals(d.getName())).findFirst();
  }

  private static Optional<ValueSetDef> valueSet(Library library, String name) {
    return library.getValueSets() == null ? Optional.empty()
        : library.getValueSets().getDef().stream().filter(d -> name.equals(d.getName())).findFirst();
  }

  private static Optional<ConceptDef> concept(Library library, String name) {
    return library.getConcepts() == null ? Optional.empty()
        : library.getConcepts().getDef().stream().filter(d -> name.equals(d.getName())).findFirst();
  }
}
