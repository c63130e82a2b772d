package org.psybiome.trial.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.StudyType;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/**
 * What a record must hold to be registered: the WHO TRDS items a registrant provides (summary
 * results, item 23, come later), and for interventional trials their arms. Nothing a registry does
 * not require: conditions may be free text, criteria one text, the sample size the target or the
 * actual enrolment; contacts for the public are required while the trial recruits or is about to
 * (what ClinicalTrials.gov requires of its central contact), not for a trial that has ended; the
 * schedule of assessments is needed before results are posted, not to register.
 */
@ApplicationScoped
public class RegistrationRequirements {

  /**
   * @param status the status the trial has, or is registered into
   */
  public List<Violation> missing(TrialContent c, TrialStatus status) {
    List<Violation> missing = new ArrayList<>();
    boolean recruiting =
        status == TrialStatus.NOT_YET_RECRUITING
            || status == TrialStatus.RECRUITING
            || status == TrialStatus.ENROLLING_BY_INVITATION;
    require(missing, !c.sourcesOfSupport().isEmpty(), "sourcesOfSupport", 4);
    require(missing, present(c.primarySponsor()), "primarySponsor", 5);
    require(missing, !recruiting || c.publicContact() != null, "publicContact", 7);
    require(missing, !recruiting || c.scientificContact() != null, "scientificContact", 8);
    require(missing, present(c.publicTitle()), "publicTitle", 9);
    require(missing, present(c.scientificTitle()), "scientificTitle", 10);
    // a trial withdrawn before its first participant recruited nowhere
    require(missing, !c.countries().isEmpty() || status == TrialStatus.WITHDRAWN, "countries", 11);
    require(missing, !c.conditions().isEmpty(), "conditions", 12);
    var eligibility = c.eligibility();
    boolean criteriaText = eligibility != null && present(eligibility.criteriaText());
    require(
        missing,
        criteriaText || (eligibility != null && nonEmpty(eligibility.inclusionCriteria())),
        "eligibility.inclusionCriteria",
        14);
    require(
        missing,
        criteriaText || (eligibility != null && nonEmpty(eligibility.exclusionCriteria())),
        "eligibility.exclusionCriteria",
        14);
    var design = c.design();
    require(missing, design != null && design.studyType() != null, "design.studyType", 15);
    // allocation, model and masking describe an interventional design; a cohort has none
    boolean interventional = design == null || design.studyType() != StudyType.OBSERVATIONAL;
    require(
        missing,
        !interventional || (design != null && design.allocation() != null),
        "design.allocation",
        15);
    require(
        missing,
        !interventional || (design != null && design.interventionModel() != null),
        "design.interventionModel",
        15);
    require(
        missing,
        !interventional || (design != null && design.masking() != null),
        "design.masking",
        15);
    require(
        missing,
        !interventional || (design != null && design.primaryPurpose() != null),
        "design.primaryPurpose",
        15);
    var dates = c.dates();
    require(missing, dates != null && dates.studyStart() != null, "dates.studyStart", 16);
    require(missing, c.targetSampleSize() != null || c.enrolment() != null, "targetSampleSize", 17);
    require(missing, !c.primaryOutcomes().isEmpty(), "primaryOutcomes", 19);
    require(missing, c.secondaryOutcomes() != null, "secondaryOutcomes", 20);
    require(missing, !c.ethicsReviews().isEmpty(), "ethicsReviews", 21);
    require(
        missing,
        dates != null && (dates.studyCompletion() != null || dates.primaryCompletion() != null),
        "dates.studyCompletion",
        22);
    require(missing, c.ipdSharing() != null, "ipdSharing", 24);
    require(missing, !interventional || !c.interventions().isEmpty(), "interventions", 13);
    if (interventional && c.arms().isEmpty()) {
      missing.add(Violation.of("arms", "an interventional trial needs its arms to register"));
    }
    return missing;
  }

  private static void require(List<Violation> missing, boolean ok, String field, int item) {
    if (!ok) {
      missing.add(Violation.of(field, "is required to register (WHO TRDS item " + item + ")"));
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static boolean nonEmpty(Collection<?> values) {
    return values != null && !values.isEmpty();
  }
}
