package org.psybiome.trial.service.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The formats a trial record is exported in, by the value of the {@code format} parameter. */
public enum ExportFormat {
  FHIR_R4("fhir-r4", "application/fhir+json"),
  CTGOV_V2("ctgov-v2", "application/json"),
  WHO_TRDS("who-trds", "application/json");

  private final String parameter;
  private final String mediaType;

  ExportFormat(String parameter, String mediaType) {
    this.parameter = parameter;
    this.mediaType = mediaType;
  }

  public String parameter() {
    return parameter;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format a parameter value names, compared exactly as documented. */
  public static Optional<ExportFormat> parse(String value) {
    return Arrays.stream(values()).filter(f -> f.parameter.equals(value)).findFirst();
  }

  public static List<String> parameters() {
    return Arrays.stream(values()).map(ExportFormat::parameter).toList();
  }
}
