package org.psybiome.biomarker.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * design.interventionModel and the order of design.crossover.periods, for the crossover analysis.
 */
class TrialEventDataDesignTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theInterventionModelAndThePeriodsInTheRecordsOrderAreRead() throws Exception {
    TrialEventData.TrialRecord record =
        record(
            "{\"interventionModel\": \"CROSSOVER\", \"crossover\": {\"periods\": ["
                + "{\"code\": \"P2\", \"label\": \"second\", \"washoutDaysBefore\": 0},"
                + "{\"code\": \"P1\", \"label\": \"first\", \"washoutDaysBefore\": 14}],"
                + " \"sequences\": []}}");
    assertThat(record.interventionModel()).isEqualTo("CROSSOVER");
    assertThat(record.periods()).containsExactly("P2", "P1");
  }

  @Test
  void aRecordWithoutThemHasNone() throws Exception {
    TrialEventData.TrialRecord record = record("{\"masking\": {\"level\": \"NONE\"}}");
    assertThat(record.interventionModel()).isNull();
    assertThat(record.periods()).isEmpty();
  }

  private static TrialEventData.TrialRecord record(String design) throws Exception {
    JsonNode data =
        JSON.readTree(
            "{\"trial\": {\"id\": \"PSB-2026-000001\", \"consortium\": \"MINDGUT\", \"status\":"
                + " \"RECRUITING\", \"version\": 2, \"schedule\": {\"visits\": []}, \"arms\": [],"
                + " \"design\": "
                + design
                + "}}");
    return (TrialEventData.TrialRecord)
        TrialEventData.parse(TrialEventData.REGISTERED, data).orElseThrow();
  }
}
