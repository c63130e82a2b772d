package org.psybiome.biomarker.model;

/** The omics layer an analyte belongs to (brief §3). */
public enum OmicsLayer {
  IMMUNE,
  ENDOCRINE,
  NEUROTROPHIC,
  METABOLOMIC,
  MICROBIOME_TAXONOMIC,
  MICROBIOME_FUNCTIONAL,
  CLINICAL_SCALE
}
