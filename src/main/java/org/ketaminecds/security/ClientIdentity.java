package org.ketaminecds.security;

/**
 * The verified CDS client of one request (from its JWT), stored as the request attribute
 * {@link #REQUEST_ATTRIBUTE} by the security filter. With security disabled it is {@link #anonymous()}.
 * Holds no secret: issuer, tenant and jti may be logged.
 */
public record ClientIdentity(String issuer, String tenant, String jti) {

  public static final String REQUEST_ATTRIBUTE = ClientIdentity.class.getName();

  public static ClientIdentity anonymous() {
    return new ClientIdentity("anonymous", null, null);
  }
}
