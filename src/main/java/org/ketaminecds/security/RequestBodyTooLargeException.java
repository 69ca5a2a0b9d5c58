package org.ketaminecds.security;

/** A request body without Content-Length grew past {@code cds.security.max-body-size} while it was read: HTTP 413. */
public class RequestBodyTooLargeException extends RuntimeException {

  public RequestBodyTooLargeException(long limitBytes) {
    super("The request body is larger than " + limitBytes + " bytes.", null, false, false);
  }
}
