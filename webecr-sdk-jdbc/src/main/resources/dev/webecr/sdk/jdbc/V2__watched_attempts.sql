-- webecr-sdk-jdbc schema version 2: attempts the duplicate watch looks for (called not sent after
-- lookups, not found settled since), found without reading the settled ones. Idempotent.

ALTER TABLE ${prefix}attempt ADD COLUMN IF NOT EXISTS watched BOOLEAN NOT NULL DEFAULT FALSE;

CREATE INDEX IF NOT EXISTS ${prefix}attempt_watched ON ${prefix}attempt (seq) WHERE watched;
