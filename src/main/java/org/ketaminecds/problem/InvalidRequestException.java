package org.ketaminecds.problem;

import java.util.List;
import java.util.stream.Collectors;

/** The request body is not what the endpoint accepts: HTTP 400 with an {@code errors} member. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.pointer() + ": " + e.detail()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public static InvalidRequestException at(String pointer, String detail) {
    return new InvalidRequestException(List.of(new FieldError(pointer, detail)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
