package org.psybiome.biomarker.model;

/** The laboratory's quality-control verdict on a result. */
public enum QcStatus {
  PASS,
  WARN,
  FAIL
}
