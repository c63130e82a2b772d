-- The default remission threshold of a rating scale: a score at or below remission_max is
-- remission. Kept in the catalogue, not in code, so that a curator can add a scale's convention
-- without a release; null where the field has no common one (the response analysis then omits
-- remission unless the caller names a threshold). The conventional cut-offs:
--   HAMD17 <= 7   (Frank et al. 1991; the usual antidepressant-trial definition)
--   MADRS  <= 10  (Hawley et al. 2002; <= 12 is also in use, a caller can ask for it)
--   PHQ9   <  5, i.e. <= 4 on its integer scale (Kroenke et al. 2001: 0-4 minimal)
--   GAD7   <  5, i.e. <= 4 on its integer scale (Spitzer et al. 2006: 0-4 minimal)
ALTER TABLE analyte ADD COLUMN remission_max numeric;
ALTER TABLE analyte ADD CONSTRAINT analyte_remission_max_scale
  CHECK (remission_max IS NULL OR layer = 'CLINICAL_SCALE');

UPDATE analyte SET remission_max = 7  WHERE code = 'HAMD17';
UPDATE analyte SET remission_max = 10 WHERE code = 'MADRS';
UPDATE analyte SET remission_max = 4  WHERE code = 'PHQ9';
UPDATE analyte SET remission_max = 4  WHERE code = 'GAD7';
