package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed between two versions, as JSON Patch-style operations (RFC 6902 paths) carrying the
 * old value too, so a reader sees e.g. a switched primary outcome at a glance.
 */
@Schema(requiredProperties = {"from", "to", "changes"})
public record VersionDiff(int from, int to, List<Change> changes) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(requiredProperties = {"op", "path"})
  public record Change(
      @Schema(enumeration = {"add", "remove", "replace"}) String op,
      @Schema(description = "RFC 6901 pointer to the changed value") String path,
      @Schema(description = "The value before; absent for add") JsonNode from,
      @Schema(description = "The value after; absent for remove") JsonNode to) {}
}
