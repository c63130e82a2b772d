-- Crossover and N-of-1 participants have a treatment sequence, not an arm: the arm they receive
-- depends on the period (period code -> arm code), learnt from trial.sequence-allocated.v1.
ALTER TABLE participant_allocation ADD COLUMN sequence_code text;
ALTER TABLE participant_allocation ADD COLUMN period_arms jsonb;
ALTER TABLE participant_allocation ALTER COLUMN arm DROP NOT NULL;
ALTER TABLE participant_allocation ALTER COLUMN arm_code DROP NOT NULL;
ALTER TABLE participant_allocation ADD CONSTRAINT participant_allocation_arm_or_sequence
  CHECK ((arm_code IS NOT NULL) <> (sequence_code IS NOT NULL AND period_arms IS NOT NULL));
