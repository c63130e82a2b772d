package org.psybiome.trial.model;

/** Who answers for the registration: the sponsor or an investigator. */
public enum ResponsiblePartyType {
  SPONSOR,
  PRINCIPAL_INVESTIGATOR,
  SPONSOR_INVESTIGATOR
}
