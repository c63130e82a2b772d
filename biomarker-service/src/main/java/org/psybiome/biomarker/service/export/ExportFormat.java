package org.psybiome.biomarker.service.export;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/** The formats a trial's results export to. */
public enum ExportFormat {
  CSV("csv", ExportFormat.CSV_TYPE, "results.csv"),
  NDJSON("ndjson", ExportFormat.NDJSON_TYPE, "results.ndjson"),
  /** The SDTM LB domain as CDISC Dataset-JSON 1.1. */
  SDTM_LB("sdtm-lb", ExportFormat.JSON_TYPE, "lb.json"),
  /** The SDTM LB domain as CSV. */
  SDTM_LB_CSV("sdtm-lb-csv", ExportFormat.CSV_TYPE, "lb.csv"),
  /** FHIR R4 Observations, one per line (FHIR Bulk Data's NDJSON). */
  FHIR_R4("fhir-r4", ExportFormat.FHIR_NDJSON_TYPE, "observations.ndjson");

  public static final String CSV_TYPE = "text/csv";
  public static final String NDJSON_TYPE = "application/x-ndjson";
  public static final String JSON_TYPE = "application/json";
  public static final String FHIR_NDJSON_TYPE = "application/fhir+ndjson";

  private static final String NAMES =
      Arrays.stream(values()).map(f -> f.name).collect(Collectors.joining(", "));

  private final String name;
  private final MediaType mediaType;
  private final String fileSuffix;

  ExportFormat(String name, String mediaType, String fileSuffix) {
    this.name = name;
    this.mediaType = MediaType.valueOf(mediaType);
    this.fileSuffix = fileSuffix;
  }

  /** The name used in {@code ?format=}. */
  public String parameter() {
    return name;
  }

  /** What follows the trial id in the download's file name. */
  public String fileSuffix() {
    return fileSuffix;
  }

  /** The response's content type; every format is UTF-8. */
  public MediaType contentType() {
    return mediaType.withCharset("UTF-8");
  }

  /** The SDTM LB dataset, whatever its serialisation. */
  public boolean sdtm() {
    return this == SDTM_LB || this == SDTM_LB_CSV;
  }

  /**
   * {@code ?format=} when given (so that a plain link can choose), else the first of the caller's
   * acceptable types (in preference order) that is one of ours — text/csv is the results' CSV,
   * application/json the SDTM Dataset-JSON — else CSV.
   */
  public static ExportFormat choose(String formatParameter, List<MediaType> acceptable) {
    if (formatParameter != null) {
      for (ExportFormat format : values()) {
        if (format.name.equals(formatParameter.toLowerCase(Locale.ROOT))) {
          return format;
        }
      }
      throw ProblemException.invalid(
          "format must be one of " + NAMES,
          List.of(Violation.of("format", "must be one of " + NAMES)));
    }
    for (MediaType type : acceptable) {
      if (type.isWildcardType()) {
        return CSV;
      }
      for (ExportFormat format : values()) {
        if (type.isCompatible(format.mediaType)) {
          return format;
        }
      }
    }
    return CSV;
  }
}
