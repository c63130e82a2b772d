package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.psybiome.trial.model.TrialStatus;

/**
 * The lifecycle as the README states it, written out as a table of every from → to pair and checked
 * against TrialLifecycle. The rules behind the table:
 *
 * <ul>
 *   <li>forward: DRAFT → NOT_YET_RECRUITING, RECRUITING or ENROLLING_BY_INVITATION;
 *       NOT_YET_RECRUITING → RECRUITING or ENROLLING_BY_INVITATION; those two switch either way and
 *       go on to ACTIVE_NOT_RECRUITING; nothing goes back, nothing returns to DRAFT, no status
 *       "changes" to itself;
 *   <li>SUSPENDED from NOT_YET_RECRUITING, RECRUITING, ENROLLING_BY_INVITATION or
 *       ACTIVE_NOT_RECRUITING; it resumes no earlier than where it stopped (stages:
 *       NOT_YET_RECRUITING, then RECRUITING / ENROLLING_BY_INVITATION, then ACTIVE_NOT_RECRUITING)
 *       or stops for good (TERMINATED or WITHDRAWN);
 *   <li>COMPLETED from RECRUITING, ENROLLING_BY_INVITATION or ACTIVE_NOT_RECRUITING, TERMINATED
 *       from those or SUSPENDED, both only after the first enrolment;
 *   <li>WITHDRAWN from NOT_YET_RECRUITING, RECRUITING, ENROLLING_BY_INVITATION or SUSPENDED, only
 *       before the first enrolment;
 *   <li>COMPLETED, TERMINATED and WITHDRAWN are final;
 *   <li>UNKNOWN (set only by an import) goes to any status but DRAFT, by the enrolment rules above;
 *       nothing goes to UNKNOWN.
 * </ul>
 */
class TrialLifecycleTransitionsTest {

  /** Column order of the tables: every status. */
  private static final String COLUMNS = "DRA NYR REC EBI ANR SUS COM TER WIT UNK";

  /**
   * Nobody enrolled. Rows "SUS<XXX" are SUSPENDED from status XXX. Y = allowed, . = refused.
   *
   * <pre>
   *                 DRA NYR REC EBI ANR SUS COM TER WIT UNK
   * </pre>
   */
  private static final List<String> NOBODY_ENROLLED =
      List.of(
          "DRA      .   Y   Y   Y   .   .   .   .   .   .",
          "NYR      .   .   Y   Y   .   Y   .   .   Y   .",
          "REC      .   .   .   Y   Y   Y   .   .   Y   .",
          "EBI      .   .   Y   .   Y   Y   .   .   Y   .",
          "ANR      .   .   .   .   .   Y   .   .   .   .",
          "SUS<NYR  .   Y   Y   Y   Y   .   .   .   Y   .",
          "SUS<REC  .   .   Y   Y   Y   .   .   .   Y   .",
          "SUS<EBI  .   .   Y   Y   Y   .   .   .   Y   .",
          "SUS<ANR  .   .   .   .   Y   .   .   .   Y   .",
          "COM      .   .   .   .   .   .   .   .   .   .",
          "TER      .   .   .   .   .   .   .   .   .   .",
          "WIT      .   .   .   .   .   .   .   .   .   .",
          "UNK      .   Y   Y   Y   Y   Y   .   .   Y   .");

  /** At least one participant enrolled: WITHDRAWN is gone, TERMINATED and COMPLETED open. */
  private static final List<String> SOMEONE_ENROLLED =
      List.of(
          "DRA      .   Y   Y   Y   .   .   .   .   .   .",
          "NYR      .   .   Y   Y   .   Y   .   .   .   .",
          "REC      .   .   .   Y   Y   Y   Y   Y   .   .",
          "EBI      .   .   Y   .   Y   Y   Y   Y   .   .",
          "ANR      .   .   .   .   .   Y   Y   Y   .   .",
          "SUS<NYR  .   Y   Y   Y   Y   .   .   Y   .   .",
          "SUS<REC  .   .   Y   Y   Y   .   .   Y   .   .",
          "SUS<EBI  .   .   Y   Y   Y   .   .   Y   .   .",
          "SUS<ANR  .   .   .   .   Y   .   .   Y   .   .",
          "COM      .   .   .   .   .   .   .   .   .   .",
          "TER      .   .   .   .   .   .   .   .   .   .",
          "WIT      .   .   .   .   .   .   .   .   .   .",
          "UNK      .   Y   Y   Y   Y   Y   Y   Y   .   .");

  @Test
  void withNobodyEnrolledEveryPairIsAsTheTableSays() {
    assertMatches(NOBODY_ENROLLED, 0);
  }

  @Test
  void withSomeoneEnrolledEveryPairIsAsTheTableSays() {
    assertMatches(SOMEONE_ENROLLED, 3);
  }

  @Test
  void theTablesCoverEveryStatus() {
    Set<TrialStatus> rows = EnumSet.noneOf(TrialStatus.class);
    for (String row : NOBODY_ENROLLED) {
      rows.add(status(row.split("\\s+")[0].split("<")[0]));
    }
    assertThat(rows).containsExactlyInAnyOrder(TrialStatus.values());
    assertThat(COLUMNS.split(" ")).hasSize(TrialStatus.values().length);
  }

  private static void assertMatches(List<String> table, long enrolled) {
    String[] columns = COLUMNS.split(" ");
    List<String> mismatches = new ArrayList<>();
    for (String row : table) {
      String[] cells = row.trim().split("\\s+");
      String[] from = cells[0].split("<");
      TrialStatus current = status(from[0]);
      TrialStatus suspendedFrom = from.length > 1 ? status(from[1]) : null;
      Set<TrialStatus> allowed = TrialLifecycle.allowedFrom(current, suspendedFrom, enrolled);
      for (int i = 0; i < columns.length; i++) {
        TrialStatus to = status(columns[i]);
        boolean expected = cells[i + 1].equals("Y");
        if (allowed.contains(to) != expected) {
          mismatches.add(
              cells[0] + " → " + to + ": expected " + (expected ? "allowed" : "refused"));
        }
      }
    }
    assertThat(mismatches).as("transitions differing from the table").isEmpty();
  }

  private static TrialStatus status(String abbreviation) {
    return switch (abbreviation) {
      case "DRA" -> TrialStatus.DRAFT;
      case "NYR" -> TrialStatus.NOT_YET_RECRUITING;
      case "REC" -> TrialStatus.RECRUITING;
      case "EBI" -> TrialStatus.ENROLLING_BY_INVITATION;
      case "ANR" -> TrialStatus.ACTIVE_NOT_RECRUITING;
      case "SUS" -> TrialStatus.SUSPENDED;
      case "COM" -> TrialStatus.COMPLETED;
      case "TER" -> TrialStatus.TERMINATED;
      case "WIT" -> TrialStatus.WITHDRAWN;
      case "UNK" -> TrialStatus.UNKNOWN;
      default -> throw new IllegalArgumentException(abbreviation);
    };
  }
}
