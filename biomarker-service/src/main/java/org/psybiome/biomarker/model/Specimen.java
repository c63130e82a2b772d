package org.psybiome.biomarker.model;

/** What an analyte is measured in; rating scales have no specimen. */
public enum Specimen {
  SERUM,
  PLASMA,
  SALIVA,
  STOOL,
  WHOLE_BLOOD,
  CSF,
  NOT_APPLICABLE
}
