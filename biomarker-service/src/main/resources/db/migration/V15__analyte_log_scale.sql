-- Whether summaries analyse an analyte on the log scale by default: concentrations that are
-- right-skewed and positive, whose arm differences are read as ratios of geometric means. Of the
-- catalogue (V4, V12): high-sensitivity CRP (HSCRP; no plain CRP entry exists), the cytokines
-- IL6, TNFA, IL1B, IL10, and LPS-binding protein (LBP).
ALTER TABLE analyte ADD COLUMN log_scale boolean NOT NULL DEFAULT false;

UPDATE analyte SET log_scale = true WHERE code IN ('HSCRP', 'IL6', 'TNFA', 'IL1B', 'IL10', 'LBP');
