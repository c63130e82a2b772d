package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.trial.service.TrialRecords.demo;
import static org.psybiome.trial.service.TrialRecords.record;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.TrialContent;

/** The rules across fields, each broken once on its own; the clock says it is 2026-03-01. */
class ContentRulesTest {

  private final ContentRules rules =
      new ContentRules(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void anEmptyDraftAndTheDemoTrialsBreakNoRule() {
    assertThat(rules.check(record("{}"))).isEmpty();
    for (String name :
        List.of(
            "probiotic-adjunct-mdd",
            "fmt-treatment-resistant-depression",
            "mediterranean-diet-gad")) {
      assertThat(rules.check(record(demo(name)))).as(name).isEmpty();
    }
  }

  @Test
  void countriesAreIso3166Codes() {
    // GB and IE are ISO 3166-1 alpha-2 codes; UK is not (the United Kingdom is GB), nor XX
    assertThat(fields("{'countries': ['GB', 'UK', 'IE', 'XX']}"))
        .containsExactly("countries[1]", "countries[3]");
  }

  @Test
  void conditionCodesHaveTheFormatOfTheirSystem() {
    // ICD-10: a letter, two digits, optionally a dot and one or two digits (F32, F32.1, F41.1)
    // ICD-11: four characters, optionally a dot and one or two (6A70, 6A70.1, 6B00)
    String json =
        "{'conditions': ["
            + "{'system': 'ICD10', 'code': 'F32.1', 'label': 'a'},"
            + "{'system': 'ICD10', 'code': 'F41', 'label': 'b'},"
            + "{'system': 'ICD11', 'code': '6A70', 'label': 'c'},"
            + "{'system': 'ICD11', 'code': '6B00.1', 'label': 'd'},"
            + "{'system': 'ICD10', 'code': '6A70', 'label': 'e'},"
            + "{'system': 'ICD10', 'code': 'F32.123', 'label': 'f'},"
            + "{'system': 'ICD11', 'code': 'F32.1', 'label': 'g'}]}";
    assertThat(check(json))
        .containsExactly(
            Violation.of("conditions[4].code", "is not a valid ICD10 code (e.g. F32.1)"),
            Violation.of("conditions[5].code", "is not a valid ICD10 code (e.g. F32.1)"),
            Violation.of("conditions[6].code", "is not a valid ICD11 code (e.g. 6A70)"));
  }

  @Test
  void meshAndSnomedCodesAndFreeTextConditions() {
    // MeSH: D003866 is the descriptor Depressive Disorder. SNOMED CT: 35489007 (Depressive
    // disorder) ends in its Verhoeff check digit 7; 35489008 does not.
    String json =
        "{'conditions': ["
            + "{'system': 'MESH', 'code': 'D003866', 'label': 'Depressive Disorder'},"
            + "{'system': 'SNOMED_CT', 'code': '35489007', 'label': 'Depressive disorder'},"
            + "{'label': 'gut microbiome'},"
            + "{'system': 'SNOMED_CT', 'code': '35489008', 'label': 'bad check digit'},"
            + "{'system': 'MESH', 'code': 'F03.600', 'label': 'a tree number, not an id'},"
            + "{'code': 'F32.1', 'label': 'code without its system'}]}";
    assertThat(check(json))
        .containsExactly(
            Violation.of(
                "conditions[3].code",
                "is not a valid SNOMED_CT code (e.g. 35489007, with its check digit)"),
            Violation.of("conditions[4].code", "is not a valid MESH code (e.g. D003866)"),
            Violation.of(
                "conditions[5].system",
                "a code and its system are given together, or neither for a free-text condition"));
  }

  @Test
  void interventionCodesAreUniqueAndArmsNameOnlyThem() {
    String json =
        "{'interventions': ["
            + "{'type': 'PLACEBO', 'code': 'PBO', 'name': 'Placebo'},"
            + "{'type': 'SHAM', 'code': 'PBO', 'name': 'Sham'}],"
            + " 'arms': ["
            + "{'label': 'Control', 'type': 'PLACEBO_COMPARATOR', 'interventionCodes': ['PBO']},"
            + "{'label': 'Control', 'type': 'SHAM_COMPARATOR', 'interventionCodes': ['PBO', 'LH']}]}";
    assertThat(fields(json))
        .containsExactly("interventions[1].code", "arms[1].label", "arms[1].interventionCodes[1]");
  }

  @Test
  void completionIsNotBeforeFirstEnrolment() {
    assertThat(
            fields("{'anticipatedFirstEnrolment': '2026-05-01', 'completionDate': '2026-04-30'}"))
        .containsExactly("completionDate");
    assertThat(
            fields("{'anticipatedFirstEnrolment': '2026-05-01', 'completionDate': '2026-05-01'}"))
        .isEmpty();
  }

  @Test
  void approvalsAndPostedResultsAreNotInTheFuture() {
    assertThat(
            fields(
                "{'ethicsReview': {'status': 'APPROVED', 'approvalDate': '2026-03-02'},"
                    + " 'summaryResults': {'postedOn': '2026-03-02'}}"))
        .containsExactly("ethicsReview.approvalDate", "summaryResults.postedOn");
    assertThat(
            fields(
                "{'ethicsReview': {'status': 'APPROVED', 'approvalDate': '2026-03-01'},"
                    + " 'summaryResults': {'postedOn': '2026-03-01'}}"))
        .isEmpty();
  }

  @Test
  void aMaskingLevelNamesAsManyDistinctRolesAsItHides() {
    String ok =
        "{'design': {'masking': {'level': 'DOUBLE', 'maskedRoles': ['PARTICIPANT', 'INVESTIGATOR']}}}";
    String tooFew = "{'design': {'masking': {'level': 'DOUBLE', 'maskedRoles': ['PARTICIPANT']}}}";
    String repeated =
        "{'design': {'masking': {'level': 'DOUBLE', 'maskedRoles': ['PARTICIPANT', 'PARTICIPANT']}}}";
    String openLabel = "{'design': {'masking': {'level': 'NONE'}}}";
    assertThat(check(ok)).isEmpty();
    assertThat(check(openLabel)).isEmpty();
    assertThat(check(tooFew))
        .containsExactly(
            Violation.of(
                "design.masking.maskedRoles", "DOUBLE masking names 2 distinct masked role(s)"));
    assertThat(fields(repeated)).containsExactly("design.masking.maskedRoles");
  }

  @Test
  void aScheduleHasExactlyOneBaselineAndUniqueVisitCodes() {
    String twoBaselines =
        "{'schedule': {'visits': ["
            + "{'code': 'W0', 'dayOffset': 0, 'baseline': true},"
            + "{'code': 'W0', 'dayOffset': 56, 'baseline': true}]}}";
    String noBaseline =
        "{'schedule': {'visits': [{'code': 'W8', 'dayOffset': 56, 'baseline': false}]}}";
    assertThat(check(twoBaselines))
        .containsExactly(
            Violation.of("schedule.visits[1].code", "is used twice"),
            Violation.of("schedule.visits", "must have exactly one baseline visit, has 2"));
    assertThat(check(noBaseline))
        .containsExactly(
            Violation.of("schedule.visits", "must have exactly one baseline visit, has 0"));
    assertThat(check("{'schedule': {'visits': []}}")).isEmpty();
  }

  @Test
  void theAgeRangeIsNotUpsideDown() {
    assertThat(fields("{'eligibility': {'minAgeYears': 65, 'maxAgeYears': 18}}"))
        .containsExactly("eligibility.maxAgeYears");
    assertThat(fields("{'eligibility': {'minAgeYears': 18, 'maxAgeYears': 18}}")).isEmpty();
  }

  @Test
  void secondaryIdsHaveTheirRegistrysFormatAndAreListedOnce() {
    String json =
        "{'secondaryIds': ["
            + "{'registry': 'NCT', 'value': 'NCT04381936'},"
            + "{'registry': 'NCT', 'value': 'NCT0438193'},"
            + "{'registry': 'NCT', 'value': ' NCT04381936 '},"
            + "{'registry': 'EUDRACT', 'value': '2020-001113-21'}]}";
    assertThat(check(json))
        .containsExactly(
            Violation.of("secondaryIds[1].value", "must be a NCT id: NCT followed by 8 digits"),
            Violation.of("secondaryIds[2].value", "is listed twice"));
  }

  private List<Violation> check(String json) {
    TrialContent content = record(json);
    return rules.check(content);
  }

  private List<String> fields(String json) {
    return check(json).stream().map(Violation::field).toList();
  }
}
