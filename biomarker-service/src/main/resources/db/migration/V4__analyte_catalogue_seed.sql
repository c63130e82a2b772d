-- The curated seed of the catalogue: the analytes psychobiotic RCTs measure most, and the panels
-- that trial schedules pre-register. LOINC codes are given only where a real code is known
-- (IL-6 26881-3, hs-CRP 30522-7, TNF-alpha 3074-2, ACTH 2141-0); the others stay null rather
-- than guessed. Plausible ranges are wide physiological limits in the standard unit, meant to
-- catch unit mix-ups, not to flag abnormal results.
INSERT INTO analyte
  (code, name, layer, specimen, unit, loinc, ncbi_taxon_id, molar_mass, plausible_low, plausible_high, derived)
VALUES
  -- immune
  ('IL6',   'Interleukin-6',                     'IMMUNE', 'SERUM', 'pg/mL', '26881-3', NULL, NULL, 0, 1000, false),
  ('TNFA',  'Tumour necrosis factor alpha',      'IMMUNE', 'SERUM', 'pg/mL', '3074-2',  NULL, NULL, 0, 500,  false),
  ('HSCRP', 'C-reactive protein, high-sensitivity', 'IMMUNE', 'SERUM', 'mg/L', '30522-7', NULL, NULL, 0, 300,  false),
  ('IL1B',  'Interleukin-1 beta',                'IMMUNE', 'SERUM', 'pg/mL', NULL,      NULL, NULL, 0, 500,  false),
  ('IL10',  'Interleukin-10',                    'IMMUNE', 'SERUM', 'pg/mL', NULL,      NULL, NULL, 0, 500,  false),
  -- HPA axis
  ('CORTISOL_AM',     'Cortisol, morning',       'ENDOCRINE', 'SERUM',  'nmol/L', NULL,     NULL, 362.46, 0, 2000, false),
  ('CORTISOL_SALIVA', 'Cortisol, salivary',      'ENDOCRINE', 'SALIVA', 'nmol/L', NULL,     NULL, 362.46, 0, 200,  false),
  ('ACTH',            'Adrenocorticotropic hormone', 'ENDOCRINE', 'PLASMA', 'pg/mL', '2141-0', NULL, NULL, 0, 2000, false),
  -- neurotrophic
  ('BDNF', 'Brain-derived neurotrophic factor',  'NEUROTROPHIC', 'SERUM', 'ng/mL', NULL, NULL, NULL, 0, 100, false),
  -- short-chain fatty acids, per gram of stool
  ('ACETATE',    'Acetate',    'METABOLOMIC', 'STOOL', 'umol/g', NULL, NULL, 59.04, 0, 1000, false),
  ('PROPIONATE', 'Propionate', 'METABOLOMIC', 'STOOL', 'umol/g', NULL, NULL, 73.07, 0, 500,  false),
  ('BUTYRATE',   'Butyrate',   'METABOLOMIC', 'STOOL', 'umol/g', NULL, NULL, 87.10, 0, 500,  false),
  -- tryptophan / kynurenine pathway
  ('TRP',           'Tryptophan',                    'METABOLOMIC', 'SERUM', 'umol/L',    NULL, NULL, 204.23, 0, 300, false),
  ('KYN',           'Kynurenine',                    'METABOLOMIC', 'SERUM', 'umol/L',    NULL, NULL, 208.21, 0, 50,  false),
  ('KYN_TRP_RATIO', 'Kynurenine/tryptophan ratio',   'METABOLOMIC', 'SERUM', 'umol/mmol', NULL, NULL, NULL,   0, 1000, true),
  -- microbiome: genus relative abundances, identified by NCBI taxon
  ('TAXON_1578',   'Lactobacillus, relative abundance',    'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, 1578,   NULL, 0, 100, false),
  ('TAXON_1678',   'Bifidobacterium, relative abundance',  'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, 1678,   NULL, 0, 100, false),
  ('TAXON_216851', 'Faecalibacterium, relative abundance', 'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, 216851, NULL, 0, 100, false),
  ('TAXON_816',    'Bacteroides, relative abundance',      'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, 816,    NULL, 0, 100, false),
  ('TAXON_838',    'Prevotella, relative abundance',       'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, 838,    NULL, 0, 100, false),
  ('TAXON_239934', 'Akkermansia, relative abundance',      'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, 239934, NULL, 0, 100, false),
  ('TAXON_841',    'Roseburia, relative abundance',        'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, 841,    NULL, 0, 100, false),
  ('TAXON_33042',  'Coprococcus, relative abundance',      'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, 33042,  NULL, 0, 100, false),
  ('SHANNON_GENUS', 'Shannon diversity of genus abundances (natural log)', 'MICROBIOME_TAXONOMIC', 'STOOL', '1', NULL, NULL, NULL, 0, 10, true),
  -- clinical rating scales (total scores)
  ('HAMD17', 'Hamilton Depression Rating Scale, 17 items', 'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 52, false),
  ('MADRS',  'Montgomery-Asberg Depression Rating Scale',  'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 60, false),
  ('BDI2',   'Beck Depression Inventory-II',              'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 63, false),
  ('PHQ9',   'Patient Health Questionnaire-9',            'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 27, false),
  ('GAD7',   'Generalized Anxiety Disorder-7',            'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 21, false),
  ('HAMA',   'Hamilton Anxiety Rating Scale',             'CLINICAL_SCALE', 'NOT_APPLICABLE', '{score}', NULL, NULL, NULL, 0, 56, false);

INSERT INTO panel (code, name) VALUES
  ('INFLAMMATION', 'Inflammation markers'),
  ('HPA',          'HPA axis'),
  ('NEUROTROPHIC', 'Neurotrophic factors'),
  ('SCFA',         'Short-chain fatty acids'),
  ('TRYPTOPHAN',   'Tryptophan-kynurenine pathway'),
  ('MICROBIOME',   'Gut microbiome composition (genus level)'),
  ('SCALES',       'Depression and anxiety rating scales');

INSERT INTO panel_analyte (panel_code, position, analyte_code)
SELECT panels.code, u.position - 1, u.analyte_code
FROM (VALUES
  ('INFLAMMATION', ARRAY['IL6', 'TNFA', 'HSCRP', 'IL1B', 'IL10']),
  ('HPA',          ARRAY['CORTISOL_AM', 'CORTISOL_SALIVA', 'ACTH']),
  ('NEUROTROPHIC', ARRAY['BDNF']),
  ('SCFA',         ARRAY['ACETATE', 'PROPIONATE', 'BUTYRATE']),
  ('TRYPTOPHAN',   ARRAY['TRP', 'KYN', 'KYN_TRP_RATIO']),
  ('MICROBIOME',   ARRAY['TAXON_1578', 'TAXON_1678', 'TAXON_216851', 'TAXON_816', 'TAXON_838',
                         'TAXON_239934', 'TAXON_841', 'TAXON_33042', 'SHANNON_GENUS']),
  ('SCALES',       ARRAY['HAMD17', 'MADRS', 'BDI2', 'PHQ9', 'GAD7', 'HAMA'])
) AS panels (code, analytes)
CROSS JOIN LATERAL unnest(panels.analytes) WITH ORDINALITY AS u (analyte_code, position);
