package org.psybiome.biomarker.service.export;

import java.math.BigDecimal;

/**
 * A record of the SDTM LB (Laboratory Test Results) domain, one per result, in the column order of
 * {@link LbColumn}. Absent values are null.
 */
record LbRecord(
    String studyId,
    String usubjid,
    long seq,
    String specimenId,
    String testCode,
    String test,
    String category,
    String originalResult,
    String originalUnit,
    String standardResultText,
    BigDecimal standardResultNumber,
    String standardUnit,
    String status,
    String reasonNotDone,
    String loinc,
    String specimen,
    String method,
    String baselineFlag,
    String derivedFlag,
    BigDecimal lowerLimitOfQuantitation,
    BigDecimal upperLimitOfQuantitation,
    Integer visitNumber,
    String visit,
    String dateTime,
    Integer studyDay) {

  static final String DOMAIN = "LB";

  /** The values in column order, as Dataset-JSON and CSV write them. */
  Object[] values() {
    return new Object[] {
      studyId,
      DOMAIN,
      usubjid,
      seq,
      specimenId,
      testCode,
      test,
      category,
      originalResult,
      originalUnit,
      standardResultText,
      standardResultNumber,
      standardUnit,
      status,
      reasonNotDone,
      loinc,
      specimen,
      method,
      baselineFlag,
      derivedFlag,
      lowerLimitOfQuantitation,
      upperLimitOfQuantitation,
      visitNumber,
      visit,
      dateTime,
      studyDay
    };
  }
}
