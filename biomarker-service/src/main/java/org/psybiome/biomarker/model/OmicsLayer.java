package org.psybiome.biomarker.model;

/**
 * The omics layer an analyte belongs to: immune, endocrine, neurotrophic, metabolomic, microbiome
 * (taxonomic or functional), or a clinical rating scale.
 */
public enum OmicsLayer {
  IMMUNE,
  ENDOCRINE,
  NEUROTROPHIC,
  METABOLOMIC,
  MICROBIOME_TAXONOMIC,
  MICROBIOME_FUNCTIONAL,
  CLINICAL_SCALE
}
