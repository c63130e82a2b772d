-- The record's design.interventionModel and the order of design.crossover.periods: the crossover
-- analysis needs to know a CROSSOVER or N_OF_1 trial and which period comes first. Snapshots learnt
-- before know neither until the trial's next record event (the analysis then falls back on the
-- schedule: see CrossoverDesign).
ALTER TABLE trial_snapshot ADD COLUMN intervention_model text;
ALTER TABLE trial_snapshot ADD COLUMN periods jsonb;
