-- JWT replay cache shared by every instance on this database (security/JdbcReplayCache). One row per accepted
-- client JWT until it can no longer be accepted (exp + clock skew); expired rows are purged every minute.
-- token_key is SHA-256(iss, 0x00, jti) in hex: fixed length, and no token id in clear. V3 (not V2) leaves V2 to
-- a concurrent change of the feedback/audit tables; Flyway accepts the gap.

CREATE TABLE used_token (
  token_key  VARCHAR(64)              NOT NULL PRIMARY KEY,
  issuer     VARCHAR                  NOT NULL,
  forget_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX used_token_forget_at ON used_token (forget_at);
