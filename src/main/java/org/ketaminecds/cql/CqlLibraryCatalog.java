package org.ketaminecds.cql;

import java.util.Optional;
import java.util.Set;

/** What the translated content offers, for validating service definitions at start-up. */
public interface CqlLibraryCatalog {

  /** Library names loaded from {@code cql/}. */
  Set<String> libraries();

  /** The names of the expression defines of a library (empty when the library is unknown). */
  Set<String> expressions(String library);

  /** The library's version as declared in its header. */
  Optional<String> version(String library);

  /**
   * Every CQL parameter a library declares, by name, to its declared types (such as {@code System.Boolean}; more
   * than one when libraries declare the same name with different types).
   */
  default java.util.Map<String, Set<String>> parameterTypes() {
    return java.util.Map.of();
  }
}
