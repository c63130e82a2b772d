package org.psybiome.devtools.upload;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats the result-batch POST takes, told apart by the file's extension. */
public enum UploadFormat {
  CSV("text/csv"),
  NDJSON("application/x-ndjson"),
  JSON("application/json");

  private final String contentType;

  UploadFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** By extension: {@code .csv}, {@code .ndjson} (or {@code .jsonl}), {@code .json}. */
  public static Optional<UploadFormat> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return Optional.of(NDJSON);
    }
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    return Optional.empty();
  }
}
