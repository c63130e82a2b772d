package org.psybiome.trial.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an import did with the source document: which items of the record it filled, which it had to
 * default and why, what a data manager should look at, and which items of the source had no place
 * in the record (kept verbatim under the trial's {@code source.unmapped}).
 */
@Schema(requiredProperties = {"sourceId", "mapped", "defaulted", "warnings", "unmapped"})
public record ImportReport(
    @Schema(description = "The study's id in the source registry", example = "NCT03893162")
        String sourceId,
    @Schema(description = "The version of the source record imported (last update posted)")
        String sourceVersion,
    @Schema(description = "The record's items the import filled") List<String> mapped,
    @Schema(description = "Items the record needed and the source does not give: value and why")
        List<Note> defaulted,
    @Schema(description = "What a data manager should look at") List<Note> warnings,
    @Schema(description = "JSON pointers of the source items kept verbatim in source.unmapped")
        List<String> unmapped) {

  @Schema(requiredProperties = {"field", "message"})
  public record Note(String field, String message) {}
}
