package org.ketaminecds.security;

/**
 * Why a client JWT was refused. Logged (with iss and jti), never sent to the client: every reason is the same 401.
 * {@code suspicious} reasons are logged at WARN (possible attack or misconfigured key), the others at INFO.
 */
enum RejectionReason {
  MISSING_TOKEN("missing-token", false),
  MALFORMED("malformed", false),
  ALGORITHM_NOT_ALLOWED("algorithm-not-allowed", true),
  MISSING_KID("missing-kid", false),
  UNTRUSTED_ISSUER("untrusted-issuer", true),
  UNTRUSTED_JKU("untrusted-jku", true),
  KEYS_UNAVAILABLE("keys-unavailable", true),
  UNKNOWN_KEY("unknown-key", true),
  BAD_SIGNATURE("bad-signature", true),
  MISSING_CLAIM("missing-claim", false),
  WRONG_AUDIENCE("wrong-audience", false),
  EXPIRED("expired", false),
  LIFETIME_TOO_LONG("lifetime-too-long", false),
  ISSUED_IN_FUTURE("issued-in-future", false),
  NOT_YET_VALID("not-yet-valid", false),
  TENANT_NOT_ALLOWED("tenant-not-allowed", true),
  REPLAYED("replayed", true),
  REPLAY_CACHE_FULL("replay-cache-full", true);

  private final String code;
  private final boolean suspicious;

  RejectionReason(String code, boolean suspicious) {
    this.code = code;
    this.suspicious = suspicious;
  }

  String code() {
    return code;
  }

  boolean suspicious() {
    return suspicious;
  }
}
