package org.psybiome.trial.model;

/** The role of a person responsible for the scientific conduct of the trial. */
public enum OfficialRole {
  STUDY_CHAIR,
  STUDY_DIRECTOR,
  PRINCIPAL_INVESTIGATOR,
  SUB_INVESTIGATOR
}
