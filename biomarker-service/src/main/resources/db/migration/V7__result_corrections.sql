-- Corrections of stored results: a correction keeps the old value. result stays as
-- reported and is never updated; each correction is a new row here with its reason and author.
-- The value in force is the latest correction, else the reported one: current_result gives it,
-- and every read (queries, export, summaries, drift) goes through that view.
CREATE TABLE result_correction (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  result_id       bigint      NOT NULL REFERENCES result (id),
  trial_id        text        NOT NULL,
  original_value  numeric     NOT NULL,
  original_unit   text        NOT NULL,
  standard_value  numeric     NOT NULL,
  standard_unit   text        NOT NULL,
  comparator      text,
  censored        boolean     NOT NULL,
  qc_status       text        NOT NULL,
  reason          text        NOT NULL,
  corrected_by    text        NOT NULL,
  corrected_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT result_correction_comparator CHECK (comparator IN ('<', '>')),
  CONSTRAINT result_correction_censored CHECK (censored = (comparator IS NOT NULL)),
  CONSTRAINT result_correction_reason CHECK (length(btrim(reason)) > 0)
);
CREATE INDEX result_correction_result ON result_correction (result_id, id);
CREATE INDEX result_correction_trial ON result_correction (trial_id, id);
REVOKE UPDATE, DELETE ON result_correction FROM ${app_role};

-- DISTINCT ON over the (small) correction table lets the planner hash-join it to a large scan of
-- result instead of probing the correction index once per row.
CREATE VIEW current_result AS
SELECT r.id, r.trial_id, r.batch_id, r.participant_code, r.visit_code, r.sample_id, r.specimen,
       r.collected_at, r.analyte_code,
       COALESCE(c.original_value, r.original_value) AS original_value,
       COALESCE(c.original_unit, r.original_unit)   AS original_unit,
       COALESCE(c.standard_value, r.standard_value) AS standard_value,
       COALESCE(c.standard_unit, r.standard_unit)   AS standard_unit,
       CASE WHEN c.id IS NULL THEN r.comparator ELSE c.comparator END AS comparator,
       COALESCE(c.censored, r.censored)             AS censored,
       COALESCE(c.qc_status, r.qc_status)           AS qc_status,
       r.registered, r.created_at,
       c.id IS NOT NULL                             AS corrected,
       c.corrected_at
FROM result r
LEFT JOIN (
  SELECT DISTINCT ON (result_id) *
  FROM result_correction
  ORDER BY result_id, id DESC
) c ON c.result_id = r.id;
GRANT SELECT ON current_result TO ${app_role};
