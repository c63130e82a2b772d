-- The analyte catalogue and its panels. Values of an analyte are stored in its standard
-- UCUM unit; molar_mass (g/mol) is what converts mass to molar concentrations and back.
CREATE TABLE analyte (
  code            text    PRIMARY KEY,
  name            text    NOT NULL,
  layer           text    NOT NULL,   -- omics layer: IMMUNE, ENDOCRINE, ..., CLINICAL_SCALE
  specimen        text    NOT NULL,   -- SERUM, PLASMA, SALIVA, STOOL, ..., NOT_APPLICABLE
  unit            text    NOT NULL,   -- standard UCUM unit
  loinc           text,               -- only real LOINC codes; null where none is known
  ncbi_taxon_id   integer,            -- microbiome taxa: the NCBI Taxonomy id
  molar_mass      numeric,            -- g/mol, where mass <-> molar conversion is needed
  plausible_low   numeric,
  plausible_high  numeric,
  derived         boolean NOT NULL DEFAULT false,  -- computed from other analytes, not measured
  CONSTRAINT analyte_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]{0,31}$'),
  CONSTRAINT analyte_plausible_range CHECK (plausible_low < plausible_high),
  CONSTRAINT analyte_molar_mass_positive CHECK (molar_mass > 0)
);
CREATE INDEX analyte_layer ON analyte (layer);

CREATE TABLE panel (
  code  text PRIMARY KEY,
  name  text NOT NULL,
  CONSTRAINT panel_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]{0,31}$')
);

-- The analytes of a panel, in the order the panel lists them.
CREATE TABLE panel_analyte (
  panel_code    text    NOT NULL REFERENCES panel (code),
  position      integer NOT NULL,
  analyte_code  text    NOT NULL REFERENCES analyte (code),
  PRIMARY KEY (panel_code, position),
  UNIQUE (panel_code, analyte_code)
);
CREATE INDEX panel_analyte_analyte ON panel_analyte (analyte_code);
