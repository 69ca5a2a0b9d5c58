package org.ketaminecds.cql;

import java.util.List;
import java.util.Map;
import org.opencds.cqf.cql.engine.runtime.Code;

/**
 * The value sets of {@code vocabulary/}, expanded.
 *
 * @param codes value set url to its codes (possibly empty)
 * @param files value set url to the file that defines it
 * @param problems what could not be read or expanded
 */
record Vocabulary(
    Map<String, List<Code>> codes, Map<String, String> files, List<CqlContentProblem> problems) {

  Vocabulary {
    codes = Map.copyOf(codes);
    files = Map.copyOf(files);
    problems = List.copyOf(problems);
  }
}
