-- Whether a rating scale measures severity, higher scores worse: only then is "response" a
-- reduction from baseline. PANAS positive affect rises as people improve, and CGI-I rates the
-- improvement itself (1 very much improved ... 7 very much worse; its responders are CGI-I <= 2,
-- a different definition), so the response analysis refuses both rather than report a
-- "50 % reduction" that means nothing. A curator sets it for a scale added later.
ALTER TABLE analyte ADD COLUMN severity_scale boolean;
ALTER TABLE analyte ADD CONSTRAINT analyte_severity_scale_layer
  CHECK (severity_scale IS NULL OR layer = 'CLINICAL_SCALE');

UPDATE analyte SET severity_scale = (code NOT IN ('PANAS_PA', 'CGI_I'))
  WHERE layer = 'CLINICAL_SCALE';
