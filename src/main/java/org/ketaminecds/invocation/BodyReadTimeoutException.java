package org.ketaminecds.invocation;

/** A request body took longer to arrive than {@code cds.invocation.body-read-timeout}: HTTP 408. */
public class BodyReadTimeoutException extends RuntimeException {

  public BodyReadTimeoutException() {
    super("The request body did not arrive within the body read timeout.", null, false, false);
  }
}
