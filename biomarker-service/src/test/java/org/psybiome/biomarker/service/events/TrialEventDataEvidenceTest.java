package org.psybiome.biomarker.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.TrialAnalysisPlan;

/**
 * What analyses across trials read from the record: title, the owner's sharing consent, the
 * analysis plan, the arms' intervention codes and standard care's adjunct flag.
 */
class TrialEventDataEvidenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void thePlanTheConsentAndTheArmsInterventionsAreRead() throws Exception {
    TrialEventData.TrialRecord record =
        record(
            "\"publicTitle\": \"Probiotic add-on for depression\","
                + " \"resultsSharing\": {\"aggregateResults\": true},"
                + " \"analysisPlan\": {\"endOfTreatmentVisit\": \"W8\", \"subgroups\": ["
                + "  {\"code\": \"CRP3\", \"measure\": {\"kind\": \"ANALYTE\", \"code\": \"HSCRP\"},"
                + "   \"cutoffs\": [3], \"stratificationFactor\": \"CRP\"},"
                + "  {\"code\": \"SH3\", \"label\": \"tertiles\", \"measure\": {\"kind\":"
                + " \"ANALYTE\", \"code\": \"SHANNON_GENUS\"}, \"quantiles\": 3}]},"
                + " \"interventions\": ["
                + "  {\"type\": \"PROBIOTIC\", \"code\": \"PRO\", \"name\": \"p\", \"strains\": []},"
                + "  {\"type\": \"STANDARD_CARE\", \"code\": \"SSRI\", \"name\": \"s\","
                + " \"adjunct\": true}],"
                + " \"arms\": [{\"label\": \"Probiotic\", \"type\": \"EXPERIMENTAL\", \"code\":"
                + " \"PRO\", \"interventionCodes\": [\"PRO\", \"SSRI\"]}]");
    assertThat(record.title()).isEqualTo("Probiotic add-on for depression");
    assertThat(record.resultsShared()).isTrue();
    TrialAnalysisPlan plan = record.analysisPlan();
    assertThat(plan.endOfTreatmentVisit()).isEqualTo("W8");
    assertThat(plan.subgroups())
        .containsExactly(
            new TrialAnalysisPlan.PlannedSubgroup(
                "CRP3", null, "HSCRP", java.util.List.of(new BigDecimal("3")), null, "CRP"),
            new TrialAnalysisPlan.PlannedSubgroup(
                "SH3", "tertiles", "SHANNON_GENUS", java.util.List.of(), 3, null));
    assertThat(record.arms().get(0).interventionCodes()).containsExactly("PRO", "SSRI");
    assertThat(record.interventions().get(0).adjunct()).isNull();
    assertThat(record.interventions().get(1).adjunct()).isTrue();
  }

  @Test
  void aRecordWithoutThemSharesNothingAndPlansNothing() throws Exception {
    TrialEventData.TrialRecord record =
        record("\"scientificTitle\": \"S\", \"arms\": [{\"label\": \"A\", \"type\": \"OTHER\"}]");
    assertThat(record.title()).isEqualTo("S");
    assertThat(record.resultsShared()).isFalse();
    assertThat(record.analysisPlan()).isNull();
    assertThat(record.arms().get(0).interventionCodes()).isEmpty();
  }

  private static TrialEventData.TrialRecord record(String fields) throws Exception {
    JsonNode data =
        JSON.readTree(
            "{\"trial\": {\"id\": \"PSB-2026-000001\", \"consortium\": \"MINDGUT\", \"status\":"
                + " \"RECRUITING\", \"version\": 2, \"schedule\": {\"visits\": []}, "
                + fields
                + "}}");
    return (TrialEventData.TrialRecord)
        TrialEventData.parse(TrialEventData.REGISTERED, data).orElseThrow();
  }
}
