package org.psybiome.biomarker.service.export;

/**
 * The columns of the LB dataset, in order, with their SDTMIG labels and the Dataset-JSON 1.1 data
 * type. Text columns carry their planned length (Dataset-JSON's {@code length}): fixed by SDTMIG
 * (LBTESTCD 8, LBTEST 40) or by what the catalogue or a result batch allows (LBREFID, the sample
 * id, and LBMETHOD, the assay's method: 100); the identifiers' lengths depend on the trial and are
 * given by {@link LbDataset}.
 */
enum LbColumn {
  STUDYID("Study Identifier", "string", 0),
  DOMAIN("Domain Abbreviation", "string", 2),
  USUBJID("Unique Subject Identifier", "string", 0),
  LBSEQ("Sequence Number", "integer", 0),
  LBREFID("Specimen ID", "string", 100),
  LBTESTCD("Lab Test or Examination Short Name", "string", 8),
  LBTEST("Lab Test or Examination Name", "string", 40),
  LBCAT("Category for Lab Test", "string", 20),
  LBORRES("Result or Finding in Original Units", "string", 200),
  LBORRESU("Original Units", "string", 64),
  LBSTRESC("Character Result/Finding in Std Format", "string", 200),
  LBSTRESN("Numeric Result/Finding in Standard Units", "float", 0),
  LBSTRESU("Standard Units", "string", 64),
  LBSTAT("Completion Status", "string", 8),
  LBREASND("Reason Test Not Done", "string", 9),
  LBLOINC("LOINC Code", "string", 10),
  LBSPEC("Specimen Type", "string", 19),
  LBMETHOD("Method of Test or Examination", "string", 100),
  LBBLFL("Baseline Flag", "string", 1),
  LBDRVFL("Derived Flag", "string", 1),
  LBLLOQ("Lower Limit of Quantitation", "float", 0),
  LBULOQ("Upper Limit of Quantitation", "float", 0),
  VISITNUM("Visit Number", "integer", 0),
  VISIT("Visit Name", "string", 0),
  LBDTC("Date/Time of Specimen Collection", "datetime", 0),
  LBDY("Study Day of Specimen Collection", "integer", 0);

  private final String label;
  private final String dataType;
  private final int length;

  LbColumn(String label, String dataType, int length) {
    this.label = label;
    this.dataType = dataType;
    this.length = length;
  }

  String label() {
    return label;
  }

  String dataType() {
    return dataType;
  }

  /** The planned length of a text column, 0 when the trial decides it or it is not text. */
  int length() {
    return length;
  }
}
