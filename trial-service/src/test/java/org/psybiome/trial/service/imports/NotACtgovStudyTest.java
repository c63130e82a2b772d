package org.psybiome.trial.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.psybiome.trial.service.imports.CtgovDocuments.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;

/** A document that is not a study record of a trial is refused, naming what is wrong. */
class NotACtgovStudyTest {

  private final CtgovStudyMapper mapper = CtgovDocuments.mapper();

  private NotACtgovStudyException refused(JsonNode document) {
    return catchThrowableOfType(NotACtgovStudyException.class, () -> mapper.map(document));
  }

  private static ObjectNode withdrawn() {
    return CtgovDocuments.document("NCT00973089");
  }

  private static ObjectNode module(ObjectNode document, String name) {
    return (ObjectNode) document.at("/protocolSection/" + name);
  }

  @Test
  void notAnObject() {
    NotACtgovStudyException e = refused(json("[{'protocolSection': {}}]"));
    assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
    assertThat(e.violations()).extracting(Violation::field).containsExactly("");
  }

  @Test
  void noProtocolSection() {
    // a search result page, not a study
    assertThat(refused(json("{'studies': [], 'nextPageToken': 'x'}")).violations())
        .extracting(Violation::field)
        .containsExactly("/protocolSection");
  }

  @Test
  void eachMissingItemIsNamed() {
    ObjectNode document = withdrawn();
    module(document, "identificationModule").remove("nctId");
    module(document, "identificationModule").remove("briefTitle");
    module(document, "statusModule").remove("overallStatus");
    module(document, "designModule").remove("studyType");
    assertThat(refused(document).violations())
        .containsExactly(
            Violation.of("/protocolSection/identificationModule/nctId", "is missing"),
            Violation.of(
                "/protocolSection/identificationModule/briefTitle",
                "is missing: every ClinicalTrials.gov study has a brief title"),
            Violation.of("/protocolSection/statusModule/overallStatus", "is missing"),
            Violation.of("/protocolSection/designModule/studyType", "is missing"));
  }

  @Test
  void anNctNumberHasEightDigits() {
    ObjectNode document = withdrawn();
    module(document, "identificationModule").put("nctId", "NCT0097308");
    assertThat(refused(document).violations())
        .containsExactly(
            Violation.of(
                "/protocolSection/identificationModule/nctId",
                "must be an NCT number: NCT followed by 8 digits"));
  }

  @Test
  void statusesAreClinicalTrialsGovs() {
    ObjectNode document = withdrawn();
    module(document, "statusModule").put("overallStatus", "FINISHED");
    module(document, "statusModule").put("lastKnownStatus", "UNKNOWN");
    assertThat(refused(document).violations())
        .extracting(Violation::field, Violation::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/protocolSection/statusModule/overallStatus",
                "is not a ClinicalTrials.gov overall status of a trial"),
            org.assertj.core.groups.Tuple.tuple(
                "/protocolSection/statusModule/lastKnownStatus",
                "is not a ClinicalTrials.gov last known status of a trial"));
  }

  @Test
  void anExpandedAccessRecordIsNotATrial() {
    ObjectNode document = withdrawn();
    module(document, "statusModule").put("overallStatus", "AVAILABLE");
    module(document, "designModule").put("studyType", "EXPANDED_ACCESS");
    assertThat(refused(document).violations())
        .extracting(Violation::field)
        .containsExactly(
            "/protocolSection/statusModule/overallStatus",
            "/protocolSection/designModule/studyType");
  }

  @Test
  void aBlankTitleIsNoTitle() {
    ObjectNode document = withdrawn();
    module(document, "identificationModule").put("briefTitle", " ");
    assertThat(refused(document).violations())
        .containsExactly(
            Violation.of(
                "/protocolSection/identificationModule/briefTitle",
                "must be a text that is not blank"));
  }
}
