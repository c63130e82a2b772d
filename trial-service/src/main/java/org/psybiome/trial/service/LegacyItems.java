package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.DateType;
import org.psybiome.trial.model.PartialDate;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialContent.EthicsReview;
import org.psybiome.trial.model.TrialContent.KeyDates;
import org.psybiome.trial.model.TrialContent.Milestone;

/**
 * Keeps the three items of API 1.0 that have a richer form since 1.1 in step with it, so that a 1.0
 * client and a 1.1 client read and write the same record: {@code anticipatedFirstEnrolment} with
 * {@code dates.studyStart}, {@code completionDate} with {@code dates.studyCompletion}, {@code
 * ethicsReview} with the first of {@code ethicsReviews}. Whichever form a request gives fills the
 * other; both given and different is the client's mistake. A month-only date has no 1.0 form.
 */
final class LegacyItems {

  private LegacyItems() {}

  /** Where the two forms in a request disagree. */
  static List<Violation> conflicts(TrialContent c) {
    List<Violation> violations = new ArrayList<>();
    KeyDates dates = c.dates();
    if (c.anticipatedFirstEnrolment() != null
        && dates != null
        && dates.studyStart() != null
        && !c.anticipatedFirstEnrolment().equals(dates.studyStart().date().exactDate())) {
      violations.add(
          Violation.of(
              "anticipatedFirstEnrolment",
              "differs from dates.studyStart; send dates.studyStart only"));
    }
    if (c.completionDate() != null
        && dates != null
        && dates.studyCompletion() != null
        && !c.completionDate().equals(dates.studyCompletion().date().exactDate())) {
      violations.add(
          Violation.of("completionDate", "differs from dates.studyCompletion; send it only"));
    }
    if (c.ethicsReview() != null
        && !c.ethicsReviews().isEmpty()
        && !c.ethicsReview().equals(c.ethicsReviews().get(0))) {
      violations.add(
          Violation.of(
              "ethicsReview", "differs from the first of ethicsReviews; send ethicsReviews only"));
    }
    return violations;
  }

  /** The record with both forms of each item filled from whichever was given. */
  static TrialContent inStep(TrialContent c, ObjectMapper json) {
    if (isInStep(c)) {
      return c;
    }
    KeyDates dates = c.dates() == null ? new KeyDates(null, null, null, null) : c.dates();
    Milestone start =
        dates.studyStart() != null ? dates.studyStart() : milestone(c.anticipatedFirstEnrolment());
    Milestone completion =
        dates.studyCompletion() != null ? dates.studyCompletion() : milestone(c.completionDate());
    KeyDates filled =
        new KeyDates(start, dates.primaryCompletion(), completion, dates.statusVerified());
    List<EthicsReview> reviews =
        !c.ethicsReviews().isEmpty() || c.ethicsReview() == null
            ? c.ethicsReviews()
            : List.of(c.ethicsReview());
    ObjectNode tree = json.valueToTree(c);
    tree.set("dates", json.valueToTree(empty(filled) ? null : filled));
    tree.set("ethicsReviews", json.valueToTree(reviews));
    tree.set("ethicsReview", json.valueToTree(reviews.isEmpty() ? null : reviews.get(0)));
    tree.set("anticipatedFirstEnrolment", json.valueToTree(day(start)));
    tree.set("completionDate", json.valueToTree(day(completion)));
    return json.convertValue(tree, TrialContent.class);
  }

  private static boolean isInStep(TrialContent c) {
    KeyDates dates = c.dates();
    Milestone start = dates == null ? null : dates.studyStart();
    Milestone completion = dates == null ? null : dates.studyCompletion();
    EthicsReview first = c.ethicsReviews().isEmpty() ? null : c.ethicsReviews().get(0);
    return Objects.equals(c.anticipatedFirstEnrolment(), day(start))
        && Objects.equals(c.completionDate(), day(completion))
        && (start != null || c.anticipatedFirstEnrolment() == null)
        && (completion != null || c.completionDate() == null)
        && Objects.equals(c.ethicsReview(), first);
  }

  /** A 1.0 date did not say whether it had happened: it reads as planned until told otherwise. */
  private static Milestone milestone(LocalDate date) {
    return date == null ? null : new Milestone(PartialDate.of(date), DateType.ANTICIPATED);
  }

  private static LocalDate day(Milestone milestone) {
    return milestone == null ? null : milestone.date().exactDate();
  }

  private static boolean empty(KeyDates d) {
    return d.studyStart() == null
        && d.primaryCompletion() == null
        && d.studyCompletion() == null
        && d.statusVerified() == null;
  }
}
