-- webecr-sdk-jdbc schema version 1: the journal (latest state per attempt) and the terminal
-- leases. Idempotent: safe to run again. ${prefix} is the table prefix the store was given.

CREATE TABLE IF NOT EXISTS ${prefix}attempt (
  seq                BIGSERIAL    NOT NULL UNIQUE,
  provider_reference VARCHAR(64)  NOT NULL PRIMARY KEY,
  reference          VARCHAR(64)  NOT NULL,
  attempt            INTEGER      NOT NULL,
  terminal_key       VARCHAR(160) NOT NULL,
  in_flight          BOOLEAN      NOT NULL,
  recorded_at        TIMESTAMPTZ  NOT NULL,
  entry              TEXT         NOT NULL,
  written_by         VARCHAR(128) NOT NULL,
  lease_token        BIGINT
);

CREATE INDEX IF NOT EXISTS ${prefix}attempt_by_reference ON ${prefix}attempt (reference);

CREATE INDEX IF NOT EXISTS ${prefix}attempt_in_flight ON ${prefix}attempt (seq) WHERE in_flight;

CREATE TABLE IF NOT EXISTS ${prefix}terminal_lease (
  terminal_key VARCHAR(160) NOT NULL PRIMARY KEY,
  holder       VARCHAR(128) NOT NULL,
  token        BIGINT       NOT NULL,
  expires_at   TIMESTAMPTZ  NOT NULL
);
