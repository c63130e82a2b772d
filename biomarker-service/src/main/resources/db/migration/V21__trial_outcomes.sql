-- The trial's registered outcomes (measure codes of its primary and secondary outcomes), from the
-- record in trial-service's events: the analysis table lists them, primary first. Snapshots learnt
-- before know none until the trial's next record event.
ALTER TABLE trial_snapshot ADD COLUMN outcomes jsonb;
