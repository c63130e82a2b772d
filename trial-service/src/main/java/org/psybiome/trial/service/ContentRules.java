package org.psybiome.trial.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.AllocationMethod;
import org.psybiome.trial.model.DateType;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.MaskingLevel;
import org.psybiome.trial.model.RandomisationMethod;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.service.registries.SecondaryIdFormats;

/**
 * Rules across fields that annotations cannot express: references between arms and interventions,
 * one baseline visit, dates in a possible order, code formats per system. They hold for drafts too;
 * completeness is checked only at registration.
 */
@ApplicationScoped
public class ContentRules {

  private static final Pattern ICD10 = Pattern.compile("[A-Z]\\d{2}(\\.\\d{1,2})?");
  private static final Pattern ICD11 = Pattern.compile("[0-9A-Z]{4}(\\.[0-9A-Z]{1,2})?");
  // MeSH descriptor (D...) or supplementary concept (C...) unique ids
  private static final Pattern MESH = Pattern.compile("[DC]\\d{6,9}");
  // SNOMED CT ids are 6 to 18 digits ending in a Verhoeff check digit
  private static final Pattern SNOMED = Pattern.compile("[1-9]\\d{5,17}");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final Clock clock;

  ContentRules(Clock clock) {
    this.clock = clock;
  }

  public List<Violation> check(TrialContent c) {
    List<Violation> violations = new ArrayList<>();
    secondaryIds(c, violations);
    for (int i = 0; i < c.countries().size(); i++) {
      if (c.countries().get(i) != null && !COUNTRIES.contains(c.countries().get(i))) {
        violations.add(Violation.of("countries[" + i + "]", "is not an ISO 3166-1 country"));
      }
    }
    violations.addAll(LegacyItems.conflicts(c));
    for (int i = 0; i < c.conditions().size(); i++) {
      condition(c.conditions().get(i), "conditions[" + i + "]", violations);
    }
    outcomes(c.primaryOutcomes(), "primaryOutcomes", violations);
    outcomes(c.secondaryOutcomes(), "secondaryOutcomes", violations);
    outcomes(c.otherOutcomes(), "otherOutcomes", violations);
    for (int i = 0; i < c.sites().size(); i++) {
      var site = c.sites().get(i);
      if (site != null && site.country() != null && !COUNTRIES.contains(site.country())) {
        violations.add(Violation.of("sites[" + i + "].country", "is not an ISO 3166-1 country"));
      }
    }
    Set<String> interventionCodes = new HashSet<>();
    for (int i = 0; i < c.interventions().size(); i++) {
      Intervention intervention = c.interventions().get(i);
      if (intervention != null && !interventionCodes.add(intervention.code())) {
        violations.add(Violation.of("interventions[" + i + "].code", "is used twice"));
      }
    }
    Set<String> armLabels = new HashSet<>();
    Set<String> armCodes = new HashSet<>();
    for (int i = 0; i < c.arms().size(); i++) {
      var arm = c.arms().get(i);
      if (arm == null) {
        continue;
      }
      if (arm.label() != null && !armLabels.add(arm.label())) {
        violations.add(Violation.of("arms[" + i + "].label", "is used twice"));
      }
      if (arm.code() != null && !armCodes.add(arm.code())) {
        violations.add(Violation.of("arms[" + i + "].code", "is used twice"));
      }
      for (int j = 0; j < arm.interventionCodes().size(); j++) {
        if (!interventionCodes.contains(arm.interventionCodes().get(j))) {
          violations.add(
              Violation.of(
                  "arms[" + i + "].interventionCodes[" + j + "]",
                  "names no intervention of this trial"));
        }
      }
    }
    dates(c, violations);
    masking(c, violations);
    randomisation(c, violations);
    schedule(c, violations);
    var eligibility = c.eligibility();
    if (eligibility != null
        && eligibility.minAgeYears() != null
        && eligibility.maxAgeYears() != null
        && eligibility.minAgeYears() > eligibility.maxAgeYears()) {
      violations.add(Violation.of("eligibility.maxAgeYears", "is below minAgeYears"));
    }
    if (eligibility != null) {
      ageInStep(
          eligibility.minAgeYears(),
          eligibility.minimumAge(),
          "eligibility.minimumAge",
          violations);
      ageInStep(
          eligibility.maxAgeYears(),
          eligibility.maximumAge(),
          "eligibility.maximumAge",
          violations);
    }
    return violations;
  }

  private static void condition(
      TrialContent.Condition condition, String field, List<Violation> violations) {
    if (condition == null) {
      return;
    }
    if ((condition.system() == null) != (condition.code() == null)) {
      violations.add(
          Violation.of(
              field + (condition.system() == null ? ".system" : ".code"),
              "a code and its system are given together, or neither for a free-text condition"));
      return;
    }
    if (condition.code() == null) {
      return;
    }
    String code = condition.code();
    boolean valid =
        switch (condition.system()) {
          case ICD10 -> ICD10.matcher(code).matches();
          case ICD11 -> ICD11.matcher(code).matches();
          case MESH -> MESH.matcher(code).matches();
          case SNOMED_CT ->
              SNOMED.matcher(code).matches()
                  && VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(code);
        };
    if (!valid) {
      violations.add(
          Violation.of(
              field + ".code",
              "is not a valid "
                  + condition.system()
                  + " code (e.g. "
                  + switch (condition.system()) {
                    case ICD10 -> "F32.1";
                    case ICD11 -> "6A70";
                    case MESH -> "D003866";
                    case SNOMED_CT -> "35489007, with its check digit";
                  }
                  + ")"));
    }
  }

  private static void outcomes(
      List<TrialContent.Outcome> outcomes, String field, List<Violation> violations) {
    if (outcomes == null) {
      return;
    }
    for (int i = 0; i < outcomes.size(); i++) {
      var outcome = outcomes.get(i);
      if (outcome != null
          && outcome.measure() == null
          && (outcome.title() == null || outcome.title().isBlank())) {
        violations.add(
            Violation.of(
                field + "[" + i + "]",
                "names a catalogue measure or, for a free-text outcome, a title"));
      }
    }
  }

  private void secondaryIds(TrialContent c, List<Violation> violations) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < c.secondaryIds().size(); i++) {
      var id = c.secondaryIds().get(i);
      if (id == null || id.registry() == null || id.value() == null) {
        continue;
      }
      String field = "secondaryIds[" + i + "].value";
      SecondaryIdFormats.problem(id.registry(), id.value().trim())
          .ifPresent(p -> violations.add(Violation.of(field, p)));
      if (!seen.add(
          SecondaryIdFormats.namespace(id.registry(), id.issuer())
              + " "
              + SecondaryIdFormats.normalise(id.value()))) {
        violations.add(Violation.of("secondaryIds[" + i + "].value", "is listed twice"));
      }
    }
  }

  private void dates(TrialContent c, List<Violation> violations) {
    LocalDate today = LocalDate.now(clock);
    var dates = c.dates();
    if (dates != null) {
      order(dates.studyStart(), dates.primaryCompletion(), "dates.primaryCompletion", violations);
      order(dates.studyStart(), dates.studyCompletion(), "dates.studyCompletion", violations);
      order(
          dates.primaryCompletion(), dates.studyCompletion(), "dates.studyCompletion", violations);
      notFuture(dates.studyStart(), "dates.studyStart", today, violations);
      notFuture(dates.primaryCompletion(), "dates.primaryCompletion", today, violations);
      notFuture(dates.studyCompletion(), "dates.studyCompletion", today, violations);
      if (dates.statusVerified() != null && dates.statusVerified().earliest().isAfter(today)) {
        violations.add(Violation.of("dates.statusVerified", "is in the future"));
      }
    } else if (c.anticipatedFirstEnrolment() != null
        && c.completionDate() != null
        && c.completionDate().isBefore(c.anticipatedFirstEnrolment())) {
      violations.add(Violation.of("completionDate", "is before the date of first enrolment"));
    }
    if (c.ethicsReview() != null
        && c.ethicsReview().approvalDate() != null
        && c.ethicsReview().approvalDate().isAfter(today)) {
      violations.add(Violation.of("ethicsReview.approvalDate", "is in the future"));
    }
    for (int i = 0; i < c.ethicsReviews().size(); i++) {
      var review = c.ethicsReviews().get(i);
      if (review != null && review.approvalDate() != null && review.approvalDate().isAfter(today)) {
        violations.add(Violation.of("ethicsReviews[" + i + "].approvalDate", "is in the future"));
      }
    }
    if (c.summaryResults() != null
        && c.summaryResults().postedOn() != null
        && c.summaryResults().postedOn().isAfter(today)) {
      violations.add(Violation.of("summaryResults.postedOn", "is in the future"));
    }
    var registration = c.originalRegistration();
    if (registration != null
        && registration.firstSubmitted() != null
        && registration.firstSubmitted().isAfter(today)) {
      violations.add(Violation.of("originalRegistration.firstSubmitted", "is in the future"));
    }
  }

  /** Flags {@code later} only when it is certainly before {@code earlier}, whatever the days. */
  private static void order(
      TrialContent.Milestone earlier,
      TrialContent.Milestone later,
      String field,
      List<Violation> violations) {
    if (earlier != null
        && later != null
        && earlier.date() != null
        && later.date() != null
        && later.date().latest().isBefore(earlier.date().earliest())) {
      violations.add(Violation.of(field, "is before the date it must follow"));
    }
  }

  private static void notFuture(
      TrialContent.Milestone milestone, String field, LocalDate today, List<Violation> violations) {
    if (milestone != null
        && milestone.type() == DateType.ACTUAL
        && milestone.date() != null
        && milestone.date().earliest().isAfter(today)) {
      violations.add(Violation.of(field, "is ACTUAL but in the future"));
    }
  }

  /** "18 Years" and 18 say the same; "6 Months" has no whole-year form to compare. */
  private static void ageInStep(
      Integer years, String withUnit, String field, List<Violation> violations) {
    if (years == null || withUnit == null || !withUnit.endsWith(" Years")) {
      return;
    }
    if (!withUnit.equals(years + " Years")) {
      violations.add(Violation.of(field, "differs from the age given in whole years"));
    }
  }

  /**
   * A declared randomisation fits the design: only for a randomised allocation; blocks need their
   * sizes, strata and minimisation their factors; factors and levels are unique.
   */
  private static void randomisation(TrialContent c, List<Violation> violations) {
    var design = c.design();
    if (design == null || design.randomisation() == null) {
      return;
    }
    var r = design.randomisation();
    String at = "design.randomisation";
    if (design.allocation() != null && design.allocation() != AllocationMethod.RANDOMIZED) {
      violations.add(
          Violation.of(
              at, "is declared for a randomised allocation only, not " + design.allocation()));
    }
    if (r.method() == null) {
      return;
    }
    boolean blocks =
        r.method() == RandomisationMethod.PERMUTED_BLOCKS
            || r.method() == RandomisationMethod.STRATIFIED_PERMUTED_BLOCKS;
    if (blocks && r.blockSizeMultipliers().isEmpty()) {
      violations.add(
          Violation.of(
              at + ".blockSizeMultipliers",
              "names the block sizes, as multiples of the allocation ratio's total (e.g. [1, 2])"));
    }
    if (!blocks && !r.blockSizeMultipliers().isEmpty()) {
      violations.add(Violation.of(at + ".blockSizeMultipliers", "are for block designs only"));
    }
    boolean byFactors =
        r.method() == RandomisationMethod.STRATIFIED_PERMUTED_BLOCKS
            || r.method() == RandomisationMethod.MINIMISATION;
    if (byFactors && r.factors().isEmpty()) {
      violations.add(Violation.of(at + ".factors", r.method() + " needs at least one factor"));
    }
    if (!byFactors && !r.factors().isEmpty()) {
      violations.add(
          Violation.of(at + ".factors", "are for stratified designs and minimisation only"));
    }
    if ((r.method() == RandomisationMethod.MINIMISATION) != (r.minimisationProbability() != null)) {
      violations.add(
          Violation.of(
              at + ".minimisationProbability",
              r.method() == RandomisationMethod.MINIMISATION
                  ? "is required for minimisation (e.g. 0.8)"
                  : "is for minimisation only"));
    }
    Set<String> factors = new HashSet<>();
    for (int i = 0; i < r.factors().size(); i++) {
      var factor = r.factors().get(i);
      if (factor == null || factor.code() == null) {
        continue;
      }
      if (!factors.add(factor.code())) {
        violations.add(Violation.of(at + ".factors[" + i + "].code", "is used twice"));
      }
      if (factor.levels() != null
          && new HashSet<>(factor.levels()).size() != factor.levels().size()) {
        violations.add(Violation.of(at + ".factors[" + i + "].levels", "has a level twice"));
      }
    }
  }

  private static void masking(TrialContent c, List<Violation> violations) {
    if (c.design() == null || c.design().masking() == null) {
      return;
    }
    var masking = c.design().masking();
    MaskingLevel level = masking.level();
    if (level == null) {
      return;
    }
    if (masking.maskedRoles().size() != level.maskedRoles()
        || new HashSet<>(masking.maskedRoles()).size() != masking.maskedRoles().size()) {
      violations.add(
          Violation.of(
              "design.masking.maskedRoles",
              level + " masking names " + level.maskedRoles() + " distinct masked role(s)"));
    }
  }

  private static void schedule(TrialContent c, List<Violation> violations) {
    if (c.schedule() == null) {
      return;
    }
    var visits = c.schedule().visits();
    Set<String> codes = new HashSet<>();
    int baselines = 0;
    for (int i = 0; i < visits.size(); i++) {
      var visit = visits.get(i);
      if (visit == null) {
        continue;
      }
      if (visit.code() != null && !codes.add(visit.code())) {
        violations.add(Violation.of("schedule.visits[" + i + "].code", "is used twice"));
      }
      if (visit.baseline()) {
        baselines++;
      }
    }
    if (!visits.isEmpty() && baselines != 1) {
      violations.add(
          Violation.of(
              "schedule.visits", "must have exactly one baseline visit, has " + baselines));
    }
  }
}
