-- More of what psychobiotic depression/anxiety RCTs measure: self-report and clinician scales,
-- serotonin and the neuroactive kynurenines, gut-barrier markers, and the metabolic labs trials
-- adjust for. Conventions as in V4: standard UCUM unit, plausible range = wide limits in that unit
-- (for a scale: the instrument's lowest and highest possible score), LOINC only where the exact
-- code for analyte + specimen + property was checked against LOINC-derived listings; null otherwise.
--
-- Existing panels are left as they are. A schedule names panels, and ScheduleAnalytes expands them
-- as the catalogue lists them now: adding KYNA to TRYPTOPHAN would make every trial that named
-- TRYPTOPHAN before this migration look as if it had pre-registered KYNA (drift report, and the
-- registered flag of later results). New analytes come in new panels instead.
--
-- Molar masses: sums of standard atomic weights C 12.0107, H 1.00794, N 14.0067, O 15.9994.
--   serotonin      C10H12N2O  10*12.0107 + 12*1.00794 + 2*14.0067 + 15.9994   = 176.2151 -> 176.22
--   kynurenic acid C10H7NO3   10*12.0107 +  7*1.00794 + 14.0067 + 3*15.9994   = 189.1675 -> 189.17
--   quinolinic acid C7H5NO4    7*12.0107 +  5*1.00794 + 14.0067 + 4*15.9994   = 167.1189 -> 167.12
--   glucose        C6H12O6     6*12.0107 + 12*1.00794 + 6*15.9994             = 180.1559 -> 180.16
--   cholesterol    C27H46O    27*12.0107 + 46*1.00794 + 15.9994                = 386.6535 -> 386.65
--     (HDL and LDL cholesterol are reported as their cholesterol content: the same molar mass)
--   triglycerides: labs convert with triolein, C57H104O6 = 57*12.0107 + 104*1.00794 + 6*15.9994 =
--     885.43, but the factor in use is 88.57 mg/dL per mmol/L, i.e. 885.7 g/mol; 885.7 is stored
--     so that results match what the labs print.
--
-- Not convertible, by design (UnitConverter refuses rather than guesses):
--   insulin: u[IU]/mL (= mU/L, which does convert) is an assay-calibrated arbitrary unit; pmol/L
--     is related to it only by a convention factor (6.00, some labs 6.945), not by UCUM or a
--     molar mass. Stored in u[IU]/mL, the unit psychobiotic trials and HOMA-IR use.
--   HbA1c: IFCC mmol/mol and NGSP/DCCT % are different calibrations related by
--     IFCC = 10.929 * (NGSP - 2.15), not by the factor 10 that UCUM would apply. Stored in mmol/mol.
INSERT INTO analyte
  (code, name, layer, specimen, unit, loinc, ncbi_taxon_id, molar_mass, plausible_low, plausible_high, derived)
VALUES
  -- Self-report and clinician rating scales. Ranges from each instrument's scoring rules:
  -- IDS-SR30 (Rush et al. 1996): 30 items scored 0-3, of which 28 count (one of appetite increase/
  --   decrease and one of weight increase/decrease) -> 0-84.
  ('IDS_SR',    'Inventory of Depressive Symptomatology, self-report (30 items)', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 84, false),
  -- QIDS-SR16 (Rush et al. 2003): 16 items, 0-3, scored as 9 symptom domains (the highest item of
  --   the sleep, appetite/weight and psychomotor groups) -> 0-27.
  ('QIDS_SR16', 'Quick Inventory of Depressive Symptomatology, self-report (16 items)', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 27, false),
  -- DASS-21 (Lovibond & Lovibond 1995): 7 items per subscale, 0-3. Stored as the RAW sum, 0-21,
  --   never the doubled score that the manual uses to compare with DASS-42 norms; a doubled score
  --   of 22-42 is refused as implausible, one of 0-21 cannot be told apart, so pipelines must
  --   send raw sums.
  ('DASS21_DEPRESSION', 'DASS-21 Depression subscale, raw sum of 7 items (not doubled)', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 21, false),
  ('DASS21_ANXIETY',    'DASS-21 Anxiety subscale, raw sum of 7 items (not doubled)',    'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 21, false),
  ('DASS21_STRESS',     'DASS-21 Stress subscale, raw sum of 7 items (not doubled)',     'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 21, false),
  -- DASS-42: 14 items per subscale, 0-3 -> 0-42.
  ('DASS42_DEPRESSION', 'DASS-42 Depression subscale (14 items)', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 42, false),
  ('DASS42_ANXIETY',    'DASS-42 Anxiety subscale (14 items)',    'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 42, false),
  ('DASS42_STRESS',     'DASS-42 Stress subscale (14 items)',     'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 42, false),
  -- PSS-10 (Cohen & Williamson 1988): 10 items 0-4, items 4, 5, 7, 8 reversed -> 0-40.
  --   LOINC 106860-0 "Perceived stress scale-10 total score [PSS-10]" (Score, ^Patient, Qn).
  ('PSS10', 'Perceived Stress Scale, 10 items', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', '106860-0', NULL, NULL, 0, 40, false),
  -- HADS (Zigmond & Snaith 1983): 7 items per subscale, 0-3 -> 0-21 each.
  ('HADS_A', 'Hospital Anxiety and Depression Scale, anxiety subscale',    'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 21, false),
  ('HADS_D', 'Hospital Anxiety and Depression Scale, depression subscale', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 21, false),
  -- PANAS (Watson, Clark & Tellegen 1988): 10 items per affect, 1-5 -> 10-50 each.
  ('PANAS_PA', 'Positive and Negative Affect Schedule, positive affect', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 10, 50, false),
  ('PANAS_NA', 'Positive and Negative Affect Schedule, negative affect', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 10, 50, false),
  -- SCL-90-R GSI (Derogatis 1977): the mean of all 90 items, each 0-4 -> 0-4.
  ('SCL90R_GSI', 'Symptom Checklist-90-Revised, Global Severity Index (mean item score)', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 4, false),
  -- CGI (Guy 1976): severity 1 (normal) - 7 (among the most extremely ill); improvement
  --   1 (very much improved) - 7 (very much worse). 0 means "not assessed", not a score.
  ('CGI_S', 'Clinical Global Impression, severity of illness', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 1, 7, false),
  ('CGI_I', 'Clinical Global Impression, global improvement',  'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 1, 7, false),

  -- Tryptophan metabolites beyond TRP/KYN. Serotonin: serum, as the trials' ELISAs measure it
  -- (mostly platelet serotonin released on clotting), in ng/mL as those assays report it; LOINC
  -- 27057-9 "Serotonin [Mass/volume] in Serum". Serum 50-220 ng/mL is usual; 5000 allows for
  -- carcinoid-range values. KYNA/QUIN: serum nmol/L (LC-MS/MS); no LOINC code found for either.
  ('SEROTONIN', 'Serotonin (5-hydroxytryptamine), serum', 'METABOLOMIC', 'SERUM', 'ng/mL',  '27057-9', NULL, 176.22, 0, 5000,  false),
  ('KYNA',      'Kynurenic acid',                         'METABOLOMIC', 'SERUM', 'nmol/L', NULL,      NULL, 189.17, 0, 2000,  false),
  ('QUIN',      'Quinolinic acid',                        'METABOLOMIC', 'SERUM', 'nmol/L', NULL,      NULL, 167.12, 0, 20000, false),

  -- Gut barrier. LBP: usual 5-15 ug/mL, acute phase several-fold. Zonulin: commercial ELISAs
  -- report tens of ng/mL (what they detect is disputed; the name is the assays'). No LOINC code
  -- found for either.
  ('LBP',     'Lipopolysaccharide-binding protein', 'IMMUNE', 'SERUM', 'ug/mL', NULL, NULL, NULL, 0, 200,  false),
  ('ZONULIN', 'Zonulin (as measured by zonulin ELISAs)', 'IMMUNE', 'SERUM', 'ng/mL', NULL, NULL, NULL, 0, 1000, false),

  -- Metabolic covariates, in SI units. The upper limits lie below the same analyte's usual value
  -- in mg/dL, so a mg/dL value sent as mmol/L is refused.
  --   14771-0 Fasting glucose [Moles/volume] in Serum or Plasma
  --   59261-8 Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol (substance fraction, mmol/mol)
  --   20448-7 Insulin [Units/volume] in Serum or Plasma
  --   14647-2 Cholesterol [Moles/volume] in Serum or Plasma
  --   14646-4 Cholesterol in HDL [Moles/volume] in Serum or Plasma
  --   22748-8 Cholesterol in LDL [Moles/volume] in Serum or Plasma
  --   14927-8 Triglyceride [Moles/volume] in Serum or Plasma
  -- HbA1c 9-200 mmol/mol is NGSP 3.0-20.5 %; its low limit refuses most % values sent as mmol/mol.
  ('GLUCOSE_FASTING', 'Glucose, fasting',                    'METABOLOMIC', 'PLASMA',      'mmol/L',   '14771-0', NULL, 180.16, 0, 50,   false),
  ('HBA1C',           'Haemoglobin A1c (IFCC)',              'METABOLOMIC', 'WHOLE_BLOOD', 'mmol/mol', '59261-8', NULL, NULL,   9, 200,  false),
  ('INSULIN',         'Insulin',                             'ENDOCRINE',   'SERUM',       'u[IU]/mL', '20448-7', NULL, NULL,   0, 1000, false),
  ('CHOL_TOTAL',      'Cholesterol, total',                  'METABOLOMIC', 'SERUM',       'mmol/L',   '14647-2', NULL, 386.65, 0, 30,   false),
  ('CHOL_HDL',        'Cholesterol in HDL',                  'METABOLOMIC', 'SERUM',       'mmol/L',   '14646-4', NULL, 386.65, 0, 10,   false),
  ('CHOL_LDL',        'Cholesterol in LDL',                  'METABOLOMIC', 'SERUM',       'mmol/L',   '22748-8', NULL, 386.65, 0, 25,   false),
  ('TRIGLYCERIDES',   'Triglycerides',                       'METABOLOMIC', 'SERUM',       'mmol/L',   '14927-8', NULL, 885.7,  0, 50,   false);

-- Instruments with subscales are panels, so a schedule can name the instrument once; single-score
-- scales are named in a visit's scales, as before.
INSERT INTO panel (code, name) VALUES
  ('TRYPTOPHAN_METABOLITES', 'Serotonin and neuroactive kynurenines'),
  ('GUT_BARRIER',            'Gut barrier and endotoxaemia'),
  ('METABOLIC',              'Metabolic covariates (glycaemia, lipids)'),
  ('DASS21',                 'DASS-21 subscales (raw sums)'),
  ('DASS42',                 'DASS-42 subscales'),
  ('HADS',                   'Hospital Anxiety and Depression Scale subscales'),
  ('PANAS',                  'Positive and Negative Affect Schedule');

-- Positions from 0 without gaps: PanelEntity reads them as a JPA @OrderColumn list index.
INSERT INTO panel_analyte (panel_code, position, analyte_code)
SELECT panels.code, u.position - 1, u.analyte_code
FROM (VALUES
  ('TRYPTOPHAN_METABOLITES', ARRAY['SEROTONIN', 'KYNA', 'QUIN']),
  ('GUT_BARRIER',            ARRAY['LBP', 'ZONULIN']),
  ('METABOLIC',              ARRAY['GLUCOSE_FASTING', 'HBA1C', 'INSULIN', 'CHOL_TOTAL', 'CHOL_HDL',
                                   'CHOL_LDL', 'TRIGLYCERIDES']),
  ('DASS21',                 ARRAY['DASS21_DEPRESSION', 'DASS21_ANXIETY', 'DASS21_STRESS']),
  ('DASS42',                 ARRAY['DASS42_DEPRESSION', 'DASS42_ANXIETY', 'DASS42_STRESS']),
  ('HADS',                   ARRAY['HADS_A', 'HADS_D']),
  ('PANAS',                  ARRAY['PANAS_PA', 'PANAS_NA'])
) AS panels (code, analytes)
CROSS JOIN LATERAL unnest(panels.analytes) WITH ORDINALITY AS u (analyte_code, position);
