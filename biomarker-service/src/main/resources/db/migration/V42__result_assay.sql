-- The assay a result was measured with (issue #18): method, kit, lot, plate or run, the run's
-- limits of quantification (in the standard unit, like standard_value) and, for stool, the basis
-- (wet or dry mass) a value is expressed per. All optional: results stored before have none.
ALTER TABLE result
  ADD COLUMN assay_method text,
  ADD COLUMN assay_kit    text,
  ADD COLUMN assay_lot    text,
  ADD COLUMN assay_run    text,
  ADD COLUMN lloq         numeric,
  ADD COLUMN uloq         numeric,
  ADD COLUMN basis        text CHECK (basis IN ('WET', 'DRY'));

-- The view of V11 with the assay columns appended (CREATE OR REPLACE VIEW may only add columns at
-- the end). A correction replaces the value, never the assay it was measured with.
CREATE OR REPLACE VIEW current_result AS
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
       c.corrected_at,
       r.assay_method, r.assay_kit, r.assay_lot, r.assay_run, r.lloq, r.uloq, r.basis
FROM result r
LEFT JOIN LATERAL (
  SELECT rc.id, rc.original_value, rc.original_unit, rc.standard_value, rc.standard_unit,
         rc.comparator, rc.censored, rc.qc_status, rc.corrected_at
  FROM result_correction rc
  WHERE rc.result_id = r.id
  ORDER BY rc.id DESC
  LIMIT 1
) c ON true;
