-- Crossover and N-of-1 trials allocate a treatment sequence (AB, BA, ABAB, ...), not an arm: the
-- participant's treatment depends on the period, so it has a sequence and no single arm.
ALTER TABLE participant ADD COLUMN sequence_code text;
ALTER TABLE participant ALTER COLUMN arm DROP NOT NULL;
ALTER TABLE participant ALTER COLUMN arm_code DROP NOT NULL;
ALTER TABLE participant ADD CONSTRAINT participant_arm_or_sequence
  CHECK ((arm_code IS NOT NULL AND arm IS NOT NULL) <> (sequence_code IS NOT NULL));
