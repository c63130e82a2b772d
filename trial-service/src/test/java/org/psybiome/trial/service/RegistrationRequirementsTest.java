package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.trial.service.TrialRecords.demo;
import static org.psybiome.trial.service.TrialRecords.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.Violation;

/**
 * Which WHO TRDS items a record lacks to register, by field and item number. The numbers are those
 * of the WHO Trial Registration Data Set (v1.3.1): 4 sources of support, 5 primary sponsor, 7 and 8
 * contacts, 9 and 10 titles, 11 countries, 12 conditions, 13 interventions, 14 key inclusion and
 * exclusion criteria, 15 study type and design, 16 date of first enrolment, 17 sample size, 19 and
 * 20 outcomes, 21 ethics review, 22 completion date, 24 IPD sharing statement. Items 1, 2, 17
 * (actual enrolment) and 18 are assigned by the registry; 23 (summary results) comes later.
 */
class RegistrationRequirementsTest {

  private final RegistrationRequirements requirements = new RegistrationRequirements();

  @Test
  void anEmptyDraftLacksEveryItemARegistrantProvides() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("sourcesOfSupport", "item 4");
    expected.put("primarySponsor", "item 5");
    expected.put("publicContact", "item 7");
    expected.put("scientificContact", "item 8");
    expected.put("publicTitle", "item 9");
    expected.put("scientificTitle", "item 10");
    expected.put("countries", "item 11");
    expected.put("conditions", "item 12");
    expected.put("interventions", "item 13");
    expected.put("eligibility.inclusionCriteria", "item 14");
    expected.put("eligibility.exclusionCriteria", "item 14");
    expected.put("design.studyType", "item 15");
    expected.put("design.allocation", "item 15");
    expected.put("design.interventionModel", "item 15");
    expected.put("design.masking", "item 15");
    expected.put("design.primaryPurpose", "item 15");
    expected.put("anticipatedFirstEnrolment", "item 16");
    expected.put("targetSampleSize", "item 17");
    expected.put("primaryOutcomes", "item 19");
    expected.put("secondaryOutcomes", "item 20");
    expected.put("ethicsReview", "item 21");
    expected.put("completionDate", "item 22");
    expected.put("ipdSharing", "item 24");
    // not TRDS items: what results are later held against, for an interventional trial
    expected.put("arms", "arms");
    expected.put("schedule.visits", "schedule of assessments");

    List<Violation> missing = requirements.missing(record("{}"));

    assertThat(missing).extracting(Violation::field).containsExactlyElementsOf(expected.keySet());
    for (Violation v : missing) {
      String item = expected.get(v.field());
      if (item.startsWith("item")) {
        assertThat(v.message()).as(v.field()).endsWith("(WHO TRDS item " + item.substring(5) + ")");
      } else {
        assertThat(v.message()).as(v.field()).contains(item);
      }
    }
  }

  @Test
  void theDemoTrialsLackNothing() {
    for (String name :
        List.of(
            "probiotic-adjunct-mdd",
            "fmt-treatment-resistant-depression",
            "mediterranean-diet-gad")) {
      assertThat(requirements.missing(record(demo(name)))).as(name).isEmpty();
    }
  }

  @Test
  void eachMissingItemIsNamedAlone() {
    var withoutSponsor = demo("probiotic-adjunct-mdd");
    withoutSponsor.remove("primarySponsor");
    assertThat(requirements.missing(record(withoutSponsor)))
        .containsExactly(
            Violation.of("primarySponsor", "is required to register (WHO TRDS item 5)"));

    var blankTitle = demo("probiotic-adjunct-mdd");
    blankTitle.put("publicTitle", "  ");
    assertThat(requirements.missing(record(blankTitle)))
        .extracting(Violation::field)
        .containsExactly("publicTitle");

    var noExclusions = demo("probiotic-adjunct-mdd");
    noExclusions.withObjectProperty("eligibility").putArray("exclusionCriteria");
    assertThat(requirements.missing(record(noExclusions)))
        .extracting(Violation::field)
        .containsExactly("eligibility.exclusionCriteria");
  }

  @Test
  void noSecondaryOutcomesIsAnAnswerButSayingNothingIsNot() {
    var none = demo("probiotic-adjunct-mdd");
    none.putArray("secondaryOutcomes");
    assertThat(requirements.missing(record(none))).isEmpty();

    none.remove("secondaryOutcomes");
    assertThat(requirements.missing(record(none)))
        .extracting(Violation::field)
        .containsExactly("secondaryOutcomes");
  }

  @Test
  void anObservationalStudyNeedsNoArmsOrSchedule() {
    var observational = demo("probiotic-adjunct-mdd");
    observational.withObjectProperty("design").put("studyType", "OBSERVATIONAL");
    observational.putArray("arms");
    observational.remove("schedule");
    assertThat(requirements.missing(record(observational))).isEmpty();

    observational.withObjectProperty("design").put("studyType", "INTERVENTIONAL");
    assertThat(requirements.missing(record(observational)))
        .extracting(Violation::field)
        .containsExactly("arms", "schedule.visits");
  }
}
