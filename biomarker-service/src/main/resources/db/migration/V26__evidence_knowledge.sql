-- What analyses across trials need to know of a trial (issue #18): its title (to list it), the
-- owner's consent to pool its aggregate results with other trials' (trial-service's
-- resultsSharing.aggregateResults; false until a record says otherwise), and the analysis plan
-- (end-of-treatment visit, pre-registered subgroups). Arms' intervention codes and standard care's
-- adjunct flag live in the existing jsonb columns. Trials learnt before this migration get them
-- with their next registered or updated event.
ALTER TABLE trial_snapshot ADD COLUMN title text;
ALTER TABLE trial_snapshot ADD COLUMN results_shared boolean NOT NULL DEFAULT false;
ALTER TABLE trial_snapshot ADD COLUMN analysis_plan jsonb;
