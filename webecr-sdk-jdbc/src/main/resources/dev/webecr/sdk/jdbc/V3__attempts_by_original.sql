-- webecr-sdk-jdbc schema version 3: the original a void, refund or completion names, so that its
-- checks find the earlier credits of a sale without reading every row. Rows written before are
-- filled from their journal line (fields 19 and 20; a journal line escapes '|'). Idempotent.

ALTER TABLE ${prefix}attempt ADD COLUMN IF NOT EXISTS original_intent_id VARCHAR(64);

ALTER TABLE ${prefix}attempt ADD COLUMN IF NOT EXISTS original_transaction_id VARCHAR(64);

UPDATE ${prefix}attempt
   SET original_intent_id = NULLIF(split_part(entry, '|', 19), ''),
       original_transaction_id = NULLIF(split_part(entry, '|', 20), '')
 WHERE split_part(entry, '|', 1) = '2'
   AND original_intent_id IS NULL AND original_transaction_id IS NULL;

CREATE INDEX IF NOT EXISTS ${prefix}attempt_by_original_intent
    ON ${prefix}attempt (original_intent_id) WHERE original_intent_id IS NOT NULL;

CREATE INDEX IF NOT EXISTS ${prefix}attempt_by_original_transaction
    ON ${prefix}attempt (original_transaction_id) WHERE original_transaction_id IS NOT NULL;
