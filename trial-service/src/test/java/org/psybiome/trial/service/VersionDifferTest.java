package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.trial.api.VersionDiff.Change;

/**
 * Differences as RFC 6902 operations, each expected one written by hand from the RFC: "add" (§4.1)
 * with the new value, "remove" (§4.2) and "replace" (§4.3) with the value before as well; paths are
 * RFC 6901 JSON pointers, array elements by index, "~" and "/" in names escaped as "~0" and "~1".
 */
class VersionDifferTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final VersionDiffer differ = new VersionDiffer(JSON);

  @Test
  void identicalRecordsDifferInNothing() {
    assertThat(
            diff(
                "{\"publicTitle\": \"A\", \"countries\": [\"GB\"]}",
                "{\"countries\": [\"GB\"], \"publicTitle\": \"A\"}"))
        .isEmpty();
  }

  @Test
  void aChangedValueIsReplacedWithTheOldValueKept() {
    assertThat(diff("{\"targetSampleSize\": 120}", "{\"targetSampleSize\": 250}"))
        .containsExactly(new Change("replace", "/targetSampleSize", node("120"), node("250")));
  }

  @Test
  void aNestedChangeHasTheFullPath() {
    assertThat(
            diff(
                "{\"design\": {\"phase\": \"PHASE_2\", \"allocation\": \"RANDOMIZED\"}}",
                "{\"design\": {\"phase\": \"PHASE_3\", \"allocation\": \"RANDOMIZED\"}}"))
        .containsExactly(
            new Change("replace", "/design/phase", node("\"PHASE_2\""), node("\"PHASE_3\"")));
  }

  @Test
  void aNewPropertyIsAdded() {
    assertThat(diff("{}", "{\"acronym\": \"PROMIND\"}"))
        .containsExactly(new Change("add", "/acronym", null, node("\"PROMIND\"")));
  }

  @Test
  void aDroppedPropertyIsRemovedWithWhatItWas() {
    assertThat(
            diff(
                "{\"acronym\": \"PROMIND\", \"targetSampleSize\": 120}",
                "{\"targetSampleSize\": 120}"))
        .containsExactly(new Change("remove", "/acronym", node("\"PROMIND\""), null));
  }

  @Test
  void anArrayElementAddedAtTheEndIsAddedAtItsIndex() {
    assertThat(diff("{\"countries\": [\"GB\"]}", "{\"countries\": [\"GB\", \"IE\"]}"))
        .containsExactly(new Change("add", "/countries/1", null, node("\"IE\"")));
  }

  @Test
  void anArrayElementRemovedFromTheMiddleIsRemovedAtItsIndex() {
    assertThat(
            diff("{\"countries\": [\"GB\", \"FR\", \"IE\"]}", "{\"countries\": [\"GB\", \"IE\"]}"))
        .containsExactly(new Change("remove", "/countries/1", node("\"FR\""), null));
  }

  @Test
  void namesWithSlashOrTildeAreEscapedInThePath() {
    assertThat(diff("{}", "{\"a/b\": 1, \"m~n\": 2}"))
        .containsExactlyInAnyOrder(
            new Change("add", "/a~1b", null, node("1")),
            new Change("add", "/m~0n", null, node("2")));
  }

  @Test
  void aFirstVersionIsEverythingAdded() {
    assertThat(differ.diff(null, tree("{\"publicTitle\": \"A\"}")))
        .containsExactly(new Change("add", "/publicTitle", null, node("\"A\"")));
  }

  private List<Change> diff(String before, String after) {
    return differ.diff(tree(before), tree(after));
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static JsonNode node(String json) {
    return tree(json);
  }
}
