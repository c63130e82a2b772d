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
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.ConditionCodeSystem;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.MaskingLevel;
import org.psybiome.trial.model.TrialContent;

/**
 * Rules across fields that annotations cannot express: references between arms and interventions,
 * one baseline visit, dates in a possible order, code formats per system. They hold for drafts too;
 * completeness is checked only at registration.
 */
@ApplicationScoped
public class ContentRules {

  private static final Pattern ICD10 = Pattern.compile("[A-Z]\\d{2}(\\.\\d{1,2})?");
  private static final Pattern ICD11 = Pattern.compile("[0-9A-Z]{4}(\\.[0-9A-Z]{1,2})?");
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
    for (int i = 0; i < c.conditions().size(); i++) {
      var condition = c.conditions().get(i);
      if (condition == null || condition.code() == null || condition.system() == null) {
        continue;
      }
      Pattern format = condition.system() == ConditionCodeSystem.ICD10 ? ICD10 : ICD11;
      if (!format.matcher(condition.code()).matches()) {
        violations.add(
            Violation.of(
                "conditions[" + i + "].code",
                "is not an " + condition.system() + " code (e.g. F32.1 or 6A70)"));
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
    for (int i = 0; i < c.arms().size(); i++) {
      var arm = c.arms().get(i);
      if (arm == null) {
        continue;
      }
      if (arm.label() != null && !armLabels.add(arm.label())) {
        violations.add(Violation.of("arms[" + i + "].label", "is used twice"));
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
    schedule(c, violations);
    var eligibility = c.eligibility();
    if (eligibility != null
        && eligibility.minAgeYears() != null
        && eligibility.maxAgeYears() != null
        && eligibility.minAgeYears() > eligibility.maxAgeYears()) {
      violations.add(Violation.of("eligibility.maxAgeYears", "is below minAgeYears"));
    }
    return violations;
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
      if (!seen.add(id.registry() + ":" + SecondaryIdFormats.normalise(id.value()))) {
        violations.add(Violation.of("secondaryIds[" + i + "].value", "is listed twice"));
      }
    }
  }

  private void dates(TrialContent c, List<Violation> violations) {
    if (c.anticipatedFirstEnrolment() != null
        && c.completionDate() != null
        && c.completionDate().isBefore(c.anticipatedFirstEnrolment())) {
      violations.add(Violation.of("completionDate", "is before the date of first enrolment"));
    }
    LocalDate today = LocalDate.now(clock);
    if (c.ethicsReview() != null
        && c.ethicsReview().approvalDate() != null
        && c.ethicsReview().approvalDate().isAfter(today)) {
      violations.add(Violation.of("ethicsReview.approvalDate", "is in the future"));
    }
    if (c.summaryResults() != null
        && c.summaryResults().postedOn() != null
        && c.summaryResults().postedOn().isAfter(today)) {
      violations.add(Violation.of("summaryResults.postedOn", "is in the future"));
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
