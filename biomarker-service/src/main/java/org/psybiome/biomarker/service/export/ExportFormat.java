package org.psybiome.biomarker.service.export;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/** The formats a trial's results export to. */
public enum ExportFormat {
  CSV("csv", "text/csv"),
  NDJSON("ndjson", "application/x-ndjson");

  public static final String CSV_TYPE = "text/csv";
  public static final String NDJSON_TYPE = "application/x-ndjson";

  private final String name;
  private final MediaType mediaType;

  ExportFormat(String name, String mediaType) {
    this.name = name;
    this.mediaType = MediaType.valueOf(mediaType);
  }

  /** The name used in {@code ?format=} and as the file extension. */
  public String fileExtension() {
    return name;
  }

  /** The response's content type; both formats are UTF-8. */
  public MediaType contentType() {
    return mediaType.withCharset("UTF-8");
  }

  /**
   * {@code ?format=} when given (so that a plain link can choose), else the first of the caller's
   * acceptable types (in preference order) that is one of ours, else CSV.
   */
  public static ExportFormat choose(String formatParameter, List<MediaType> acceptable) {
    if (formatParameter != null) {
      for (ExportFormat format : values()) {
        if (format.name.equals(formatParameter.toLowerCase(Locale.ROOT))) {
          return format;
        }
      }
      throw ProblemException.invalid(
          "format must be csv or ndjson", List.of(Violation.of("format", "must be csv or ndjson")));
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
