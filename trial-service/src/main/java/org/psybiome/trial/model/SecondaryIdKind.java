package org.psybiome.trial.model;

/**
 * What a secondary id is: a trial registry's number, a funder's grant number, the sponsor's own
 * protocol number, or something else.
 */
public enum SecondaryIdKind {
  REGISTRY,
  GRANT,
  SPONSOR_PROTOCOL,
  OTHER
}
