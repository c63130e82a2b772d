package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.psybiome.trial.api.VersionDiff;

/**
 * The difference between two states of a record as RFC 6902 operations, computed by zjsonpatch,
 * with the previous value kept next to each replaced or removed one.
 */
@ApplicationScoped
public class VersionDiffer {

  private static final EnumSet<DiffFlags> FLAGS =
      EnumSet.of(
          DiffFlags.ADD_ORIGINAL_VALUE_ON_REPLACE,
          DiffFlags.OMIT_MOVE_OPERATION,
          DiffFlags.OMIT_COPY_OPERATION);

  private final ObjectMapper json;

  VersionDiffer(ObjectMapper json) {
    this.json = json;
  }

  public List<VersionDiff.Change> diff(Object before, Object after) {
    JsonNode source = before == null ? json.createObjectNode() : json.valueToTree(before);
    JsonNode target = after == null ? json.createObjectNode() : json.valueToTree(after);
    List<VersionDiff.Change> changes = new ArrayList<>();
    for (JsonNode op : JsonDiff.asJson(source, target, FLAGS)) {
      String operation = op.path("op").asText();
      String path = op.path("path").asText();
      JsonNode from =
          switch (operation) {
            case "replace" -> op.get("fromValue");
            case "remove" -> source.at(path);
            default -> null;
          };
      JsonNode to = operation.equals("remove") ? null : op.get("value");
      changes.add(new VersionDiff.Change(operation, path, from, to));
    }
    return changes;
  }

  public JsonNode toJson(List<VersionDiff.Change> changes) {
    return json.valueToTree(changes);
  }
}
