-- Reminders that do not repeat (reminders/JdbcReminderLog): one row per patient, service and reminder rule whose
-- card was last shown less than its quiet period ago. No patient data: patient_hash is the audit HMAC of the
-- patient id, evidence the HMAC of the card's rendered summary and detail. Rows whose quiet period is over are
-- purged every hour, so the table holds at most the patients seen within the longest quiet period (365 days) times
-- the reminder rules. Portable SQL (H2 2.x and PostgreSQL 12+), like V1 and V3.

CREATE TABLE card_reminder (
  patient_hash  VARCHAR(64)              NOT NULL,
  service_id    VARCHAR(200)             NOT NULL,
  rule_id       VARCHAR(200)             NOT NULL,
  evidence      VARCHAR(64)              NOT NULL,
  shown_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  quiet_until   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT card_reminder_key PRIMARY KEY (patient_hash, service_id, rule_id)
);
CREATE INDEX card_reminder_quiet_until ON card_reminder (quiet_until);
