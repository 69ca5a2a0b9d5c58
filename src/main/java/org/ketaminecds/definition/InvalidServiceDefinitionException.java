package org.ketaminecds.definition;

import java.util.List;

/** Service definitions that cannot be served; stops start-up listing every problem found. */
public class InvalidServiceDefinitionException extends RuntimeException {

  private final List<String> errors;

  public InvalidServiceDefinitionException(String location, List<String> errors) {
    super(errors.size() + " problem(s) in the service definitions at " + location + ":\n  - "
        + String.join("\n  - ", errors));
    this.errors = List.copyOf(errors);
  }

  /** Each as {@code <file>: <JSON field path>: <what is wrong>}. */
  public List<String> errors() {
    return errors;
  }
}
