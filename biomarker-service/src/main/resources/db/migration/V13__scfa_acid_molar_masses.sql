-- Short-chain fatty acids: the molar masses of the acids, not of their anions. Stool SCFA assays
-- (GC-FID, GC-MS, LC-MS after derivatisation) report the free acids, and a result given as a mass
-- fraction (mg/g) is converted to the standard umol/g with this molar mass. V4 gave the anions
-- (acetate 59.04, propionate 73.07, butyrate 87.10 g/mol: one hydrogen less), which made every
-- converted value 1.1-1.7 % too high (1 mg/g acetic acid: 16.94 instead of 16.65 umol/g).
-- IUPAC 2021 standard atomic weights C 12.011, H 1.008, O 15.999:
--   acetic acid     C2H4O2 = 2 x 12.011 + 4 x 1.008 + 2 x 15.999 = 60.052 -> 60.05
--   propionic acid  C3H6O2 = 3 x 12.011 + 6 x 1.008 + 2 x 15.999 = 74.079 -> 74.08
--   butyric acid    C4H8O2 = 4 x 12.011 + 8 x 1.008 + 2 x 15.999 = 88.106 -> 88.11
-- A value a curator has changed since V4 is left as the curator set it.
--
-- The catalogue has no description field: the names say what is measured and on what basis.
-- Stool concentrations are per gram of wet (as-collected) stool unless a trial states otherwise;
-- dry-weight results differ by the stool's water content (typically about 75 % of wet weight) and are not
-- convertible without it.
--
-- Results stored before this migration were standardised with the anions' masses when they were
-- reported in a mass unit (original_unit without "mol"); they are not rewritten here: a result is
-- never updated, and a correction needs its event. They are found by
--   SELECT id FROM current_result WHERE analyte_code IN ('ACETATE', 'PROPIONATE', 'BUTYRATE')
--     AND original_unit NOT LIKE '%mol%';
UPDATE analyte SET molar_mass = 60.05 WHERE code = 'ACETATE'    AND molar_mass = 59.04;
UPDATE analyte SET molar_mass = 74.08 WHERE code = 'PROPIONATE' AND molar_mass = 73.07;
UPDATE analyte SET molar_mass = 88.11 WHERE code = 'BUTYRATE'   AND molar_mass = 87.10;

UPDATE analyte SET name = 'Acetate (as acetic acid), per g wet weight'
  WHERE code = 'ACETATE' AND name = 'Acetate';
UPDATE analyte SET name = 'Propionate (as propionic acid), per g wet weight'
  WHERE code = 'PROPIONATE' AND name = 'Propionate';
UPDATE analyte SET name = 'Butyrate (as butyric acid), per g wet weight'
  WHERE code = 'BUTYRATE' AND name = 'Butyrate';
