-- Full genus-level profiles for Shannon diversity (issue #13). SHANNON_GENUS used to be computed
-- over the catalogue's 8 genera renormalised to 100 %, so it could never exceed ln 8 = 2.08 while
-- genus-level values of stool are 2.5-4. A pipeline now posts a sample's whole genus profile as
-- rows TAXON_<NCBI Taxonomy id> (any genus: one not in the catalogue yet is added to it by the
-- batch that first reports it) plus TAXON_UNCLASSIFIED, the share of the sample no genus was
-- assigned to (0 when every read was classified). That row marks the profile as complete; SHANNON_GENUS
-- is derived only from such a profile whose abundances sum to 100 % +- 2.
INSERT INTO analyte (code, name, layer, specimen, unit, loinc, ncbi_taxon_id, molar_mass,
                     plausible_low, plausible_high, derived, log_scale, sdtm_test_code,
                     sdtm_test_name)
VALUES ('TAXON_UNCLASSIFIED', 'Unclassified at genus level, relative abundance',
        'MICROBIOME_TAXONOMIC', 'STOOL', '%', NULL, NULL, NULL, 0, 100, false, false,
        'TXUNCL', 'Unclassified at Genus Level');
INSERT INTO analyte_specimen (analyte_code, specimen) VALUES ('TAXON_UNCLASSIFIED', 'STOOL');

UPDATE analyte SET name = 'Shannon diversity of the full genus profile (natural log)'
 WHERE code = 'SHANNON_GENUS';

-- Why a batch derived no SHANNON_GENUS for a sample with genus rows: [{sampleId, analyte, reason}]
ALTER TABLE batch ADD COLUMN not_derived jsonb NOT NULL DEFAULT '[]';

-- Stored SHANNON_GENUS values computed the old way (the 8 catalogue genera renormalised) are not
-- rewritten; they are the derived results of samples without a TAXON_UNCLASSIFIED row:
--   SELECT s.id FROM current_result s WHERE s.analyte_code = 'SHANNON_GENUS' AND NOT EXISTS
--     (SELECT 1 FROM result u WHERE u.trial_id = s.trial_id AND u.sample_id = s.sample_id
--        AND u.analyte_code = 'TAXON_UNCLASSIFIED');
