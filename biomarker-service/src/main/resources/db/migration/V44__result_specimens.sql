-- Which specimens a trial's results of an analyte are in, kept as results are stored. Every
-- summary asks this (it never pools specimens); answered from the results it read every row of
-- the trial's analyte: 14-30 ms a summary with 10 000 000 results stored (issue #15,
-- bench/results/summary-plans). Results are never deleted or changed in specimen (corrections
-- keep it), so the rows here only ever grow, like the results they stand for.
CREATE TABLE result_specimen (
  trial_id     text NOT NULL,
  analyte_code text NOT NULL,
  specimen     text NOT NULL,
  PRIMARY KEY (trial_id, analyte_code, specimen)
);

INSERT INTO result_specimen (trial_id, analyte_code, specimen)
SELECT DISTINCT trial_id, analyte_code, specimen FROM result;

-- A statement-level trigger, so every way results arrive (a batch's COPY, a restore, a seeding
-- script) keeps it: one DISTINCT over the statement's rows, not one insert per row. Sorted, so two
-- batches adding the same new pairs wait for each other in one order instead of deadlocking.
CREATE FUNCTION result_specimen_seen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO result_specimen (trial_id, analyte_code, specimen)
  SELECT DISTINCT trial_id, analyte_code, specimen FROM stored ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER result_specimen_seen AFTER INSERT ON result
  REFERENCING NEW TABLE AS stored
  FOR EACH STATEMENT EXECUTE FUNCTION result_specimen_seen();

REVOKE UPDATE, DELETE ON result_specimen FROM ${app_role};
