package org.ketaminecds.security;

/**
 * A client JWT failed verification. Carries the reason and the (unverified, sanitised) iss and jti for the log;
 * never the token. Handled by {@link CdsClientJwtFilter} (401), never seen by the exception handler.
 */
class RejectedTokenException extends RuntimeException {

  private final RejectionReason reason;
  private final String issuer;
  private final String jti;

  RejectedTokenException(RejectionReason reason, String issuer, String jti) {
    super(reason.code(), null, false, false);
    this.reason = reason;
    this.issuer = issuer;
    this.jti = jti;
  }

  RejectionReason reason() {
    return reason;
  }

  String issuer() {
    return issuer;
  }

  String jti() {
    return jti;
  }
}
