package org.psybiome.biomarker.service.ingest;

import java.util.List;
import java.util.Set;

/** The fields (JSON properties, CSV columns) of a result row. */
final class ResultFields {

  static final String PARTICIPANT = "participant";
  static final String VISIT = "visit";
  static final String SAMPLE_ID = "sampleId";
  static final String SPECIMEN = "specimen";
  static final String COLLECTED_AT = "collectedAt";
  static final String ANALYTE = "analyte";
  static final String VALUE = "value";
  static final String UNIT = "unit";
  static final String COMPARATOR = "comparator";
  static final String QC_STATUS = "qcStatus";
  static final String ASSAY_METHOD = "assayMethod";
  static final String ASSAY_KIT = "assayKit";
  static final String ASSAY_LOT = "assayLot";
  static final String ASSAY_RUN = "assayRun";
  static final String LLOQ = "lloq";
  static final String ULOQ = "uloq";
  static final String BASIS = "basis";

  static final List<String> REQUIRED =
      List.of(PARTICIPANT, VISIT, SAMPLE_ID, COLLECTED_AT, ANALYTE, VALUE, UNIT);

  static final Set<String> ALL =
      Set.of(
          PARTICIPANT,
          VISIT,
          SAMPLE_ID,
          SPECIMEN,
          COLLECTED_AT,
          ANALYTE,
          VALUE,
          UNIT,
          COMPARATOR,
          QC_STATUS,
          ASSAY_METHOD,
          ASSAY_KIT,
          ASSAY_LOT,
          ASSAY_RUN,
          LLOQ,
          ULOQ,
          BASIS);

  private ResultFields() {}
}
