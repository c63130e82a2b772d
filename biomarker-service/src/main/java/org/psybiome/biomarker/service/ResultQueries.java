package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psybiome.biomarker.model.ResultFilter;
import org.psybiome.biomarker.model.ResultPage;
import org.psybiome.biomarker.model.ResultView;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.StoredResult;
import org.psybiome.biomarker.service.blinding.FunctionalUnblinding;
import org.psybiome.biomarker.service.blinding.FunctionalUnblinding.Withholding;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * Reading a trial's results, page by page, as they stand after corrections. Keyset paging (after
 * the last id seen) rather than offsets: a page deep into a million results costs the same as the
 * first, and batches stored meanwhile neither repeat nor skip rows.
 */
@ApplicationScoped
public class ResultQueries {

  private static final String TOKEN_PREFIX = "r1:";

  private final CurrentResultStore results;
  private final TrialSnapshots snapshots;
  private final AnalyteService analytes;
  private final FunctionalUnblinding unblinding;

  ResultQueries(
      CurrentResultStore results,
      TrialSnapshots snapshots,
      AnalyteService analytes,
      FunctionalUnblinding unblinding) {
    this.results = results;
    this.snapshots = snapshots;
    this.analytes = analytes;
    this.unblinding = unblinding;
  }

  public ResultPage page(Caller caller, ResultFilter filter, String pageToken, int pageSize) {
    TrialSnapshot trial = readableTrial(caller, filter.trialId());
    checkFilter(trial, filter);
    long after = pageToken == null ? 0 : decode(pageToken);
    Optional<Withholding> withholding = withholding(trial, caller);
    ResultFilter read = withholding.map(w -> w.applyTo(filter)).orElse(filter);
    // one more than asked tells whether a next page exists without counting
    List<StoredResult> rows = results.page(read, after, pageSize + 1);
    boolean more = rows.size() > pageSize;
    List<StoredResult> page = more ? rows.subList(0, pageSize) : rows;
    String next = more ? encode(page.get(page.size() - 1).id()) : null;
    Map<String, LocalDate> enrolled =
        page.isEmpty() ? Map.of() : snapshots.enrolmentDates(trial.id());
    long withheld = withholding.isEmpty() ? 0 : results.countWithheld(read);
    return new ResultPage(
        page.stream().map(r -> judged(trial, enrolled, r.view())).toList(),
        next,
        withheld == 0 ? null : withholding.get().note(withheld));
  }

  /**
   * What of the trial's per-participant results is withheld from the caller because it reveals the
   * allocation (service.blinding): nothing unless the trial is blinded and the caller may not see
   * such results.
   */
  public Optional<Withholding> withholding(TrialSnapshot trial, Caller caller) {
    if (!trial.blinded() || ResultAccess.canSeeAllocationRevealingResults(trial, caller)) {
      return Optional.empty();
    }
    return unblinding.of(trial);
  }

  /** The result flagged when collected outside its visit's window (by the current schedule). */
  public static ResultView judged(
      TrialSnapshot trial, Map<String, LocalDate> enrolled, ResultView r) {
    return r.flagged(
        VisitWindow.outOfWindow(
            trial.visit(r.visit()).orElse(null), enrolled.get(r.participant()), r.collectedAt()));
  }

  /**
   * The trial, if the caller may read its results ({@link ResultAccess#canRead}); another
   * consortium's trial answers like a missing one.
   */
  public TrialSnapshot readableTrial(Caller caller, String trialId) {
    return snapshots
        .trial(trialId)
        .filter(t -> ResultAccess.canRead(t, caller))
        .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
  }

  /**
   * A visit outside the schedule or an analyte outside the catalogue is a mistake of the caller,
   * not an empty answer. (A participant is not checked: a code without results reads as empty.)
   */
  public void checkFilter(TrialSnapshot trial, ResultFilter filter) {
    List<Violation> violations = new ArrayList<>();
    if (filter.visit() != null && trial.visit(filter.visit()).isEmpty()) {
      violations.add(Violation.of("visit", "is not a visit of the trial's schedule"));
    }
    if (filter.analyte() != null && analytes.find(filter.analyte()).isEmpty()) {
      violations.add(Violation.of("analyte", "is not in the analyte catalogue"));
    }
    if (!violations.isEmpty()) {
      throw ProblemException.invalid("The result filter is invalid", violations);
    }
  }

  private static String encode(long id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TOKEN_PREFIX + id).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(TOKEN_PREFIX)) {
        throw new IllegalArgumentException();
      }
      return Long.parseLong(text.substring(TOKEN_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "pageToken is not one this service issued",
          List.of(Violation.of("pageToken", "is not a valid page token")));
    }
  }
}
