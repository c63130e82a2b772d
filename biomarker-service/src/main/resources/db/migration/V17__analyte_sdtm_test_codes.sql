-- The SDTM test code and name of each analyte, for the sdtm-lb export (LBTESTCD, LBTEST). SDTMIG
-- 3.x: a test code has at most 8 characters, letters, digits and underscores, and does not start
-- with a digit; a test name has at most 40 characters. Analyte codes are up to 32 characters, so
-- the mapping is stored here once, unique, and never derived again at export time: a dataset
-- exported today and one exported next year name a test alike.
--
-- The codes follow the analyte codes (underscores dropped, words shortened); the NCBI taxa are
-- TX + the taxon id (at most 6 digits here). Two analytes that SDTM would call by one test code
-- and tell apart by specimen (CORTISOL_AM in serum, CORTISOL_SALIVA) get two codes, because the
-- catalogue keeps them apart. The codes were not checked against CDISC's LBTESTCD codelist.
-- Rating scales get codes too (QSTESTCD obeys the same rule), although the LB export leaves
-- scales out: they belong to the QS domain.
ALTER TABLE analyte ADD COLUMN sdtm_test_code text;
ALTER TABLE analyte ADD COLUMN sdtm_test_name text;

UPDATE analyte a SET sdtm_test_code = m.testcd
  FROM (VALUES
    ('IL6', 'IL6'), ('TNFA', 'TNFA'), ('HSCRP', 'HSCRP'), ('IL1B', 'IL1B'), ('IL10', 'IL10'),
    ('CORTISOL_AM', 'CORTAM'), ('CORTISOL_SALIVA', 'CORTSAL'), ('ACTH', 'ACTH'),
    ('BDNF', 'BDNF'),
    ('ACETATE', 'ACETATE'), ('PROPIONATE', 'PROPION'), ('BUTYRATE', 'BUTYRATE'),
    ('TRP', 'TRP'), ('KYN', 'KYN'), ('KYN_TRP_RATIO', 'KYNTRPR'),
    ('TAXON_1578', 'TX1578'), ('TAXON_1678', 'TX1678'), ('TAXON_216851', 'TX216851'),
    ('TAXON_816', 'TX816'), ('TAXON_838', 'TX838'), ('TAXON_239934', 'TX239934'),
    ('TAXON_841', 'TX841'), ('TAXON_33042', 'TX33042'), ('SHANNON_GENUS', 'SHANNONG'),
    ('HAMD17', 'HAMD17'), ('MADRS', 'MADRS'), ('BDI2', 'BDI2'), ('PHQ9', 'PHQ9'),
    ('GAD7', 'GAD7'), ('HAMA', 'HAMA'), ('IDS_SR', 'IDSSR'), ('QIDS_SR16', 'QIDSSR16'),
    ('DASS21_DEPRESSION', 'DASS21D'), ('DASS21_ANXIETY', 'DASS21A'),
    ('DASS21_STRESS', 'DASS21S'), ('DASS42_DEPRESSION', 'DASS42D'),
    ('DASS42_ANXIETY', 'DASS42A'), ('DASS42_STRESS', 'DASS42S'), ('PSS10', 'PSS10'),
    ('HADS_A', 'HADSA'), ('HADS_D', 'HADSD'), ('PANAS_PA', 'PANASPA'), ('PANAS_NA', 'PANASNA'),
    ('SCL90R_GSI', 'SCL90GSI'), ('CGI_S', 'CGIS'), ('CGI_I', 'CGII'),
    ('SEROTONIN', 'SEROTON'), ('KYNA', 'KYNA'), ('QUIN', 'QUIN'), ('LBP', 'LBP'),
    ('ZONULIN', 'ZONULIN'), ('GLUCOSE_FASTING', 'GLUCFAST'), ('HBA1C', 'HBA1C'),
    ('INSULIN', 'INSULIN'), ('CHOL_TOTAL', 'CHOL'), ('CHOL_HDL', 'HDL'), ('CHOL_LDL', 'LDL'),
    ('TRIGLYCERIDES', 'TRIG')
  ) AS m (code, testcd)
  WHERE a.code = m.code;
-- An analyte a curator added before this migration: X and 7 hex digits of its code's MD5, stable
-- and (for a handful of analytes) unique; a curator may set a better one with PUT.
UPDATE analyte SET sdtm_test_code = 'X' || upper(substr(md5(code), 1, 7))
  WHERE sdtm_test_code IS NULL;

UPDATE analyte SET sdtm_test_name = name WHERE length(name) <= 40;
UPDATE analyte a SET sdtm_test_name = m.test
  FROM (VALUES
    ('ACETATE', 'Acetate (as acetic acid), wet weight'),
    ('PROPIONATE', 'Propionate (as propionic acid), wet wt'),
    ('BUTYRATE', 'Butyrate (as butyric acid), wet weight'),
    ('SHANNON_GENUS', 'Shannon Diversity, Genus Level (ln)'),
    ('HAMD17', 'HAM-D 17-Item Total Score'),
    ('MADRS', 'MADRS Total Score'),
    ('IDS_SR', 'IDS-SR30 Total Score'),
    ('QIDS_SR16', 'QIDS-SR16 Total Score'),
    ('DASS21_DEPRESSION', 'DASS-21 Depression Raw Sum'),
    ('DASS21_ANXIETY', 'DASS-21 Anxiety Raw Sum'),
    ('DASS21_STRESS', 'DASS-21 Stress Raw Sum'),
    ('HADS_A', 'HADS Anxiety Subscale'),
    ('HADS_D', 'HADS Depression Subscale'),
    ('PANAS_PA', 'PANAS Positive Affect'),
    ('PANAS_NA', 'PANAS Negative Affect'),
    ('SCL90R_GSI', 'SCL-90-R Global Severity Index'),
    ('CGI_S', 'CGI Severity of Illness'),
    ('CGI_I', 'CGI Global Improvement')
  ) AS m (code, test)
  WHERE a.code = m.code;
UPDATE analyte SET sdtm_test_name = left(name, 40) WHERE sdtm_test_name IS NULL;

ALTER TABLE analyte ALTER COLUMN sdtm_test_code SET NOT NULL;
ALTER TABLE analyte ALTER COLUMN sdtm_test_name SET NOT NULL;
ALTER TABLE analyte ADD CONSTRAINT analyte_sdtm_test_code_unique UNIQUE (sdtm_test_code);
ALTER TABLE analyte ADD CONSTRAINT analyte_sdtm_test_code_format
  CHECK (sdtm_test_code ~ '^[A-Z][A-Z0-9_]{0,7}$');
ALTER TABLE analyte ADD CONSTRAINT analyte_sdtm_test_name_length
  CHECK (length(sdtm_test_name) BETWEEN 1 AND 40);
