-- Idempotency keys expire (BiomarkerConfig.idempotency): an IN_FLIGHT key whose claim is older than
-- the lease was left by an instance that crashed mid-batch and is taken over by the next request;
-- a COMPLETED key is replayed for the retention, then deleted by the scheduled cleanup.
ALTER TABLE idempotency_key ADD COLUMN claimed_at timestamptz;
ALTER TABLE idempotency_key ADD COLUMN completed_at timestamptz;
UPDATE idempotency_key
   SET claimed_at = created_at,
       completed_at = CASE WHEN state = 'COMPLETED' THEN created_at END;
ALTER TABLE idempotency_key ALTER COLUMN claimed_at SET NOT NULL;
ALTER TABLE idempotency_key ALTER COLUMN claimed_at SET DEFAULT now();
ALTER TABLE idempotency_key ADD CONSTRAINT idempotency_key_completed
  CHECK ((state = 'COMPLETED') = (completed_at IS NOT NULL));
CREATE INDEX idempotency_key_completed_at ON idempotency_key (completed_at)
  WHERE state = 'COMPLETED';
