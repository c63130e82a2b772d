-- Emergency unblinding of one participant (a clinician needs the treatment): when it first
-- happened, by whom and why. Every access, the first and any later one, is in the audit trail.
ALTER TABLE participant ADD COLUMN emergency_unblinded_at timestamptz;
ALTER TABLE participant ADD COLUMN emergency_unblinded_by text;
ALTER TABLE participant ADD COLUMN emergency_unblinding_reason text;
