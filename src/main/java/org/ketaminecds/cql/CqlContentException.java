package org.ketaminecds.cql;

import java.util.List;
import java.util.stream.Collectors;

/** The CQL content cannot be used; thrown at start-up with every problem found, not just the first. */
public class CqlContentException extends RuntimeException {

  private final List<CqlContentProblem> problems;

  CqlContentException(String location, List<CqlContentProblem> problems) {
    super(
        "CQL content at "
            + location
            + " has "
            + problems.size()
            + " problem(s):"
            + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
    this.problems = List.copyOf(problems);
  }

  List<CqlContentProblem> problems() {
    return problems;
  }
}
