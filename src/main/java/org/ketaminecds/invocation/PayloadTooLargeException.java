package org.ketaminecds.invocation;

import org.springframework.util.unit.DataSize;

/** The request body is larger than {@code cds.http.max-request-size}: HTTP 413. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(DataSize limit) {
    super("The request body exceeds the limit of " + limit.toKilobytes() + " KB.");
  }
}
