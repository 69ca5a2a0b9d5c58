package org.ketaminecds.cql;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.elm.r1.Expression;
import org.hl7.elm.r1.ExpressionRef;
import org.hl7.elm.r1.FunctionRef;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.VersionedIdentifier;

/** The precomputed values of patient-independent defines ({@link PrecomputedDefines}), read through references. */
final class ConstantValues {

  /** A known value, possibly null. */
  record Known(Object value) {}

  private final ElmLibraries libraries;
  private final Function<VersionedIdentifier, Map<String, Object>> precomputed;

  ConstantValues(ElmLibraries libraries, Function<VersionedIdentifier, Map<String, Object>> precomputed) {
    this.libraries = libraries;
    this.precomputed = precomputed;
  }

  /** The value of a reference to a constant define; empty when it is not one (or its value is not known). */
  Optional<Known> of(Expression expression, Library from) {
    if (!(expression instanceof ExpressionRef ref) || expression instanceof FunctionRef) {
      return Optional.empty();
    }
    return libraries.target(ref.getLibraryName(), from).flatMap(target -> {
      Map<String, Object> values = precomputed.apply(target.getIdentifier());
      return values != null && values.containsKey(ref.getName())
          ? Optional.of(new Known(values.get(ref.getName())))
          : Optional.empty();
    });
  }
}
