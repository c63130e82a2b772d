package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What changed between two versions, as JSON Patch-style operations (RFC 6902 paths) carrying the
 * old value too, so a reader sees e.g. a switched primary outcome at a glance.
 */
public record VersionDiff(int from, int to, List<Change> changes) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(String op, String path, JsonNode from, JsonNode to) {}
}
