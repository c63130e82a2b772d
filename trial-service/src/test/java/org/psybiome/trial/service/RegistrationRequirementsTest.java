package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.trial.service.TrialRecords.demo;
import static org.psybiome.trial.service.TrialRecords.record;
import static org.psybiome.trial.service.TrialRecords.stored;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.TrialStatus;

/**
 * Which WHO TRDS items a record lacks to register, by field and item number. The numbers are those
 * of the WHO Trial Registration Data Set (v1.3.1): 4 sources of support, 5 primary sponsor, 7 and 8
 * contacts, 9 and 10 titles, 11 countries, 12 conditions, 13 interventions, 14 key inclusion and
 * exclusion criteria, 15 study type and design, 16 date of first enrolment, 17 sample size, 19 and
 * 20 outcomes, 21 ethics review, 22 completion date, 24 IPD sharing statement. Items 1, 2, 17
 * (actual enrolment) and 18 are assigned by the registry; 23 (summary results) comes later.
 * Contacts (7, 8) are required of a trial that recruits or is about to, as ClinicalTrials.gov
 * requires a central contact only then.
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
    expected.put("eligibility.inclusionCriteria", "item 14");
    expected.put("eligibility.exclusionCriteria", "item 14");
    expected.put("design.studyType", "item 15");
    expected.put("design.allocation", "item 15");
    expected.put("design.interventionModel", "item 15");
    expected.put("design.masking", "item 15");
    expected.put("design.primaryPurpose", "item 15");
    expected.put("dates.studyStart", "item 16");
    expected.put("targetSampleSize", "item 17");
    expected.put("primaryOutcomes", "item 19");
    expected.put("secondaryOutcomes", "item 20");
    expected.put("ethicsReviews", "item 21");
    expected.put("dates.studyCompletion", "item 22");
    expected.put("ipdSharing", "item 24");
    expected.put("interventions", "item 13");
    // not a TRDS item: an interventional trial is registered with its arms
    expected.put("arms", "arms");

    List<Violation> missing = requirements.missing(record("{}"), TrialStatus.RECRUITING);

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
      assertThat(requirements.missing(stored(demo(name)), TrialStatus.RECRUITING))
          .as(name)
          .isEmpty();
    }
  }

  @Test
  void eachMissingItemIsNamedAlone() {
    var withoutSponsor = demo("probiotic-adjunct-mdd");
    withoutSponsor.remove("primarySponsor");
    assertThat(requirements.missing(stored(withoutSponsor), TrialStatus.RECRUITING))
        .containsExactly(
            Violation.of("primarySponsor", "is required to register (WHO TRDS item 5)"));

    var blankTitle = demo("probiotic-adjunct-mdd");
    blankTitle.put("publicTitle", "  ");
    assertThat(requirements.missing(stored(blankTitle), TrialStatus.RECRUITING))
        .extracting(Violation::field)
        .containsExactly("publicTitle");

    var noExclusions = demo("probiotic-adjunct-mdd");
    noExclusions.withObjectProperty("eligibility").putArray("exclusionCriteria");
    assertThat(requirements.missing(stored(noExclusions), TrialStatus.RECRUITING))
        .extracting(Violation::field)
        .containsExactly("eligibility.exclusionCriteria");
  }

  @Test
  void noSecondaryOutcomesIsAnAnswerButSayingNothingIsNot() {
    var none = demo("probiotic-adjunct-mdd");
    none.putArray("secondaryOutcomes");
    assertThat(requirements.missing(stored(none), TrialStatus.RECRUITING)).isEmpty();

    none.remove("secondaryOutcomes");
    assertThat(requirements.missing(stored(none), TrialStatus.RECRUITING))
        .extracting(Violation::field)
        .containsExactly("secondaryOutcomes");
  }

  @Test
  void anObservationalStudyNeedsNoArmsInterventionsOrInterventionalDesign() {
    var observational = demo("probiotic-adjunct-mdd");
    var design = observational.withObjectProperty("design");
    design.put("studyType", "OBSERVATIONAL");
    design.remove(List.of("allocation", "interventionModel", "masking", "primaryPurpose"));
    observational.putArray("arms");
    observational.putArray("interventions");
    observational.remove("schedule");
    assertThat(requirements.missing(stored(observational), TrialStatus.RECRUITING)).isEmpty();

    design.put("studyType", "INTERVENTIONAL");
    assertThat(requirements.missing(stored(observational), TrialStatus.RECRUITING))
        .extracting(Violation::field)
        .containsExactly(
            "design.allocation",
            "design.interventionModel",
            "design.masking",
            "design.primaryPurpose",
            "interventions",
            "arms");
  }

  @Test
  void theScheduleOfAssessmentsIsNotARegistrationItem() {
    var noSchedule = demo("probiotic-adjunct-mdd");
    noSchedule.remove("schedule");
    assertThat(requirements.missing(stored(noSchedule), TrialStatus.RECRUITING)).isEmpty();
  }

  @Test
  void contactsAreRequiredWhileATrialRecruitsOrIsAboutTo() {
    var noContacts = demo("probiotic-adjunct-mdd");
    noContacts.remove(List.of("publicContact", "scientificContact"));
    for (TrialStatus status :
        List.of(
            TrialStatus.NOT_YET_RECRUITING,
            TrialStatus.RECRUITING,
            TrialStatus.ENROLLING_BY_INVITATION)) {
      assertThat(requirements.missing(stored(noContacts), status))
          .as(status.name())
          .extracting(Violation::field)
          .containsExactly("publicContact", "scientificContact");
    }
    for (TrialStatus status :
        List.of(
            TrialStatus.ACTIVE_NOT_RECRUITING,
            TrialStatus.COMPLETED,
            TrialStatus.TERMINATED,
            TrialStatus.UNKNOWN)) {
      assertThat(requirements.missing(stored(noContacts), status)).as(status.name()).isEmpty();
    }
  }

  @Test
  void whatRealRegistriesHoldIsEnough() {
    var asRegistered = demo("probiotic-adjunct-mdd");
    // criteria as one text, as ClinicalTrials.gov keeps them
    asRegistered.putObject("eligibility").put("criteriaText", "Inclusion Criteria:\n\n* MDD");
    // a free-text condition
    asRegistered.putArray("conditions").addObject().put("label", "gut microbiome");
    // the enrolment reported instead of a target
    asRegistered.remove("targetSampleSize");
    asRegistered.putObject("enrolment").put("count", 60).put("type", "ACTUAL");
    // dates known to the month, as 1.1 writes them
    asRegistered.remove(List.of("anticipatedFirstEnrolment", "completionDate"));
    var dates = asRegistered.putObject("dates");
    dates.putObject("studyStart").put("date", "2019-03").put("type", "ACTUAL");
    dates.putObject("primaryCompletion").put("date", "2020-06").put("type", "ACTUAL");
    assertThat(requirements.missing(stored(asRegistered), TrialStatus.COMPLETED)).isEmpty();
  }

  @Test
  void aWithdrawnTrialRecruitedNowhere() {
    var withdrawn = demo("probiotic-adjunct-mdd");
    withdrawn.putArray("countries");
    assertThat(requirements.missing(stored(withdrawn), TrialStatus.WITHDRAWN)).isEmpty();
    assertThat(requirements.missing(stored(withdrawn), TrialStatus.COMPLETED))
        .extracting(Violation::field)
        .containsExactly("countries");
  }
}
