package org.psybiome.trial.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.StudyType;
import org.psybiome.trial.model.TrialContent;

/**
 * What a record must hold to leave DRAFT: every WHO TRDS item a registrant provides (summary
 * results, item 23, come later), and for interventional trials arms and a schedule with a baseline
 * visit, which is the mechanistic plan results are held against.
 */
@ApplicationScoped
public class RegistrationRequirements {

  public List<Violation> missing(TrialContent c) {
    List<Violation> missing = new ArrayList<>();
    require(missing, !c.sourcesOfSupport().isEmpty(), "sourcesOfSupport", 4);
    require(missing, present(c.primarySponsor()), "primarySponsor", 5);
    require(missing, c.publicContact() != null, "publicContact", 7);
    require(missing, c.scientificContact() != null, "scientificContact", 8);
    require(missing, present(c.publicTitle()), "publicTitle", 9);
    require(missing, present(c.scientificTitle()), "scientificTitle", 10);
    require(missing, !c.countries().isEmpty(), "countries", 11);
    require(missing, !c.conditions().isEmpty(), "conditions", 12);
    require(missing, !c.interventions().isEmpty(), "interventions", 13);
    require(
        missing,
        c.eligibility() != null && nonEmpty(c.eligibility().inclusionCriteria()),
        "eligibility.inclusionCriteria",
        14);
    require(
        missing,
        c.eligibility() != null && nonEmpty(c.eligibility().exclusionCriteria()),
        "eligibility.exclusionCriteria",
        14);
    var design = c.design();
    require(missing, design != null && design.studyType() != null, "design.studyType", 15);
    require(missing, design != null && design.allocation() != null, "design.allocation", 15);
    require(
        missing,
        design != null && design.interventionModel() != null,
        "design.interventionModel",
        15);
    require(missing, design != null && design.masking() != null, "design.masking", 15);
    require(
        missing, design != null && design.primaryPurpose() != null, "design.primaryPurpose", 15);
    require(missing, c.anticipatedFirstEnrolment() != null, "anticipatedFirstEnrolment", 16);
    require(missing, c.targetSampleSize() != null, "targetSampleSize", 17);
    require(missing, !c.primaryOutcomes().isEmpty(), "primaryOutcomes", 19);
    require(missing, c.secondaryOutcomes() != null, "secondaryOutcomes", 20);
    require(missing, c.ethicsReview() != null, "ethicsReview", 21);
    require(missing, c.completionDate() != null, "completionDate", 22);
    require(missing, c.ipdSharing() != null, "ipdSharing", 24);
    if (design == null || design.studyType() != StudyType.OBSERVATIONAL) {
      if (c.arms().isEmpty()) {
        missing.add(Violation.of("arms", "an interventional trial needs its arms to register"));
      }
      if (c.schedule() == null || c.schedule().visits().isEmpty()) {
        missing.add(
            Violation.of("schedule.visits", "the schedule of assessments is needed to register"));
      }
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
