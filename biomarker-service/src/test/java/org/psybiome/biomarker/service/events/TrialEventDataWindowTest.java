package org.psybiome.biomarker.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** windowDays of a visit (trial-service API 1.1): optional, an integer ≥ 0. */
class TrialEventDataWindowTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aVisitsWindowIsReadAndItsAbsenceMeansNone() throws Exception {
    TrialEventData.TrialRecord record =
        record(
            "[{\"code\": \"W0\", \"dayOffset\": 0, \"baseline\": true},"
                + " {\"code\": \"W8\", \"dayOffset\": 56, \"windowDays\": 3},"
                + " {\"code\": \"W12\", \"dayOffset\": 84, \"windowDays\": null},"
                + " {\"code\": \"W16\", \"dayOffset\": 112, \"windowDays\": 0}]");
    assertThat(record.visits())
        .extracting(TrialEventData.Visit::windowDays)
        .containsExactly(null, 3, null, 0);
  }

  @Test
  void aNegativeOrFractionalWindowMakesTheEventMalformed() {
    assertThatThrownBy(() -> record("[{\"code\": \"W8\", \"dayOffset\": 56, \"windowDays\": -1}]"))
        .isInstanceOf(MalformedEventException.class);
    assertThatThrownBy(() -> record("[{\"code\": \"W8\", \"dayOffset\": 56, \"windowDays\": 2.5}]"))
        .isInstanceOf(MalformedEventException.class);
    assertThatThrownBy(
            () -> record("[{\"code\": \"W8\", \"dayOffset\": 56, \"windowDays\": \"3\"}]"))
        .isInstanceOf(MalformedEventException.class);
  }

  private static TrialEventData.TrialRecord record(String visits) throws Exception {
    JsonNode data =
        JSON.readTree(
            "{\"trial\": {\"id\": \"PSB-2026-000001\", \"consortium\": \"MINDGUT\", \"status\":"
                + " \"RECRUITING\", \"version\": 2, \"schedule\": {\"visits\": "
                + visits
                + "}, \"arms\": []}}");
    return (TrialEventData.TrialRecord)
        TrialEventData.parse(TrialEventData.REGISTERED, data).orElseThrow();
  }
}
