-- The specimens each analyte may be measured in. Until now a result could name any specimen for
-- any analyte (SCFA "in saliva", a rating scale "in serum"). An analyte's values are comparable
-- only within one specimen, and the catalogue's LOINC codes name their specimen (26881-3 is IL-6
-- in serum or plasma), so an analyte lists the specimens its unit, plausible range and LOINC code
-- are meant for; its default specimen is always one of them. Literature-standard sets:
--   cytokines, hs-CRP, LBP, tryptophan and kynurenine pathway, insulin, glucose, lipids: serum or
--     plasma (the LOINC codes given are "Ser/Plas"; glucose, fasting, "in Serum or Plasma");
--   BDNF: serum or plasma -- serum BDNF is many times plasma BDNF (released from platelets during
--     clotting), which is why summaries never pool specimens;
--   cortisol: CORTISOL_AM serum or plasma; salivary (free) cortisol is the analyte CORTISOL_SALIVA
--     with ranges of its own, saliva only;
--   ACTH: EDTA plasma only (LOINC 2141-0 is plasma; serum is not recommended: ACTH degrades);
--   serotonin: serum (the analyte's name says so; whole-blood serotonin is another quantity);
--   zonulin: serum (its unit ng/mL is the serum assay's; stool zonulin is per gram);
--   HbA1c: whole blood; short-chain fatty acids, genus abundances, Shannon index: stool (umol/g
--     and relative abundance are stool quantities); rating scales: no specimen.
-- Any other analyte (one a curator added) keeps its default specimen only.
-- Results stored before this migration are not rewritten; those in a specimen now not allowed:
--   SELECT r.id FROM current_result r WHERE NOT EXISTS (SELECT 1 FROM analyte_specimen s
--     WHERE s.analyte_code = r.analyte_code AND s.specimen = r.specimen);
CREATE TABLE analyte_specimen (
  analyte_code  text NOT NULL REFERENCES analyte (code),
  specimen      text NOT NULL,
  PRIMARY KEY (analyte_code, specimen),
  CONSTRAINT analyte_specimen_known CHECK (specimen IN
    ('SERUM', 'PLASMA', 'SALIVA', 'STOOL', 'WHOLE_BLOOD', 'CSF', 'NOT_APPLICABLE'))
);

INSERT INTO analyte_specimen (analyte_code, specimen)
SELECT a.code, s.specimen
  FROM analyte a
  JOIN (VALUES
    ('IL6'), ('TNFA'), ('HSCRP'), ('IL1B'), ('IL10'), ('CORTISOL_AM'), ('BDNF'), ('TRP'), ('KYN'),
    ('KYN_TRP_RATIO'), ('KYNA'), ('QUIN'), ('LBP'), ('GLUCOSE_FASTING'), ('INSULIN'),
    ('CHOL_TOTAL'), ('CHOL_HDL'), ('CHOL_LDL'), ('TRIGLYCERIDES')
  ) AS blood (code) ON blood.code = a.code
  CROSS JOIN (VALUES ('SERUM'), ('PLASMA')) AS s (specimen);

-- every other analyte: its default specimen (ACTH plasma, CORTISOL_SALIVA saliva, SEROTONIN and
-- ZONULIN serum, HBA1C whole blood, SCFA, taxa and Shannon stool, scales not applicable)
INSERT INTO analyte_specimen (analyte_code, specimen)
SELECT code, specimen FROM analyte
  ON CONFLICT DO NOTHING;
