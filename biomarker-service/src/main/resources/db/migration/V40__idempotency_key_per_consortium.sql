-- Idempotency-Keys of result batches become the consortium's own: another consortium reusing a
-- key is processed normally instead of getting a 422 that tells it the key exists. Existing keys
-- take their trial's consortium.
ALTER TABLE idempotency_key ADD COLUMN consortium text;
UPDATE idempotency_key k
   SET consortium = s.consortium
  FROM trial_snapshot s
 WHERE s.trial_id = k.trial_id;
-- a key of a trial no longer known: no consortium can replay it, it only waits for the cleanup
UPDATE idempotency_key SET consortium = '' WHERE consortium IS NULL;
ALTER TABLE idempotency_key ALTER COLUMN consortium SET NOT NULL;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (consortium, key);
