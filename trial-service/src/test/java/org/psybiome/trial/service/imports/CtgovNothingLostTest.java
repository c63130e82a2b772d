package org.psybiome.trial.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing of a ClinicalTrials.gov document is lost: every leaf (a scalar, an empty array or object)
 * was read into the record or is handed back, verbatim, at or under an unmapped pointer, and
 * nothing is both. Leaves are found by walking the document here, independently of the mapper.
 */
class CtgovNothingLostTest {

  static List<String> ids() {
    return CtgovDocuments.IDS;
  }

  // free texts that are read are in the import (the record, the status, its history), unchanged: a
  // check that "read" means "kept". Countries become codes, "Type: name" links intervention codes,
  // secondary id types registries and kinds.
  private static final Pattern NOT_VERBATIM =
      Pattern.compile(
          ".*/(country|interventionNames/\\d+|armGroupLabels/\\d+|secondaryIdInfos/\\d+/type)");

  private final CtgovStudyMapper mapper = CtgovDocuments.mapper();

  @ParameterizedTest
  @MethodSource("ids")
  void everyLeafIsReadOrUnmapped(String nctId) {
    JsonNode document = CtgovDocuments.document(nctId);
    CtgovStudyMapper.Reading reading = mapper.read(document);
    Map<String, JsonNode> unmapped = reading.study().unmapped();
    Set<String> consumed = reading.consumed();

    List<String> lost = new ArrayList<>();
    for (String leaf : leaves(document, "", new ArrayList<>())) {
      if (!atOrUnder(leaf, consumed) && !atOrUnder(leaf, unmapped.keySet())) {
        lost.add(leaf);
      }
    }
    assertThat(lost).as("leaves neither read nor unmapped").isEmpty();

    for (var entry : unmapped.entrySet()) {
      String pointer = entry.getKey();
      assertThat(document.at(pointer))
          .as("unmapped %s is verbatim", pointer)
          .isEqualTo(entry.getValue());
      assertThat(consumed)
          .as("nothing at, above or below unmapped %s was read", pointer)
          .noneMatch(
              c -> c.equals(pointer) || c.startsWith(pointer + "/") || pointer.startsWith(c + "/"));
    }
    assertThat(consumed).allMatch(c -> !document.at(c).isMissingNode(), "read pointers exist");
  }

  @ParameterizedTest
  @MethodSource("ids")
  void readTextsAreInTheRecordVerbatim(String nctId) {
    JsonNode document = CtgovDocuments.document(nctId);
    CtgovStudyMapper.Reading reading = mapper.read(document);
    ImportedStudy study = reading.study();
    ImportedStudy withoutUnmapped =
        new ImportedStudy(
            study.sourceId(),
            study.sourceVersion(),
            study.content(),
            study.status(),
            study.lastKnownStatus(),
            study.statusHistory(),
            Map.of(),
            List.of());
    Set<String> texts = new HashSet<>();
    collectTexts(CtgovDocuments.JSON.valueToTree(withoutUnmapped), texts);
    // whyStopped is part of its history entry's reason
    String reasons = String.join(" ", study.statusHistory().stream().map(h -> h.reason()).toList());
    List<String> missing = new ArrayList<>();
    for (String pointer : reading.consumed()) {
      JsonNode value = document.at(pointer);
      if (value.isTextual()
          && value.textValue().length() > 12
          && !NOT_VERBATIM.matcher(pointer).matches()
          && !texts.contains(value.textValue())
          && !reasons.contains(value.textValue())) {
        missing.add(pointer);
      }
    }
    assertThat(missing).as("texts read but not in the record").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("ids")
  void theDerivedSectionIsHandedBackWhole(String nctId) {
    JsonNode document = CtgovDocuments.document(nctId);
    assertThat(mapper.map(document).unmapped())
        .containsEntry("/derivedSection", document.get("derivedSection"));
  }

  private static boolean atOrUnder(String leaf, Set<String> pointers) {
    for (String p = leaf; ; p = p.substring(0, p.lastIndexOf('/'))) {
      if (pointers.contains(p)) {
        return true;
      }
      if (p.isEmpty()) {
        return false;
      }
    }
  }

  private static List<String> leaves(JsonNode node, String pointer, List<String> leaves) {
    if (!node.isContainerNode() || node.isEmpty()) {
      leaves.add(pointer);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), pointer + "/" + i, leaves);
      }
    } else {
      node.fields()
          .forEachRemaining(
              f ->
                  leaves(
                      f.getValue(),
                      pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1"),
                      leaves));
    }
    return leaves;
  }

  private static void collectTexts(JsonNode node, Set<String> texts) {
    if (node.isTextual()) {
      texts.add(node.textValue());
    }
    node.forEach(child -> collectTexts(child, texts));
  }
}
