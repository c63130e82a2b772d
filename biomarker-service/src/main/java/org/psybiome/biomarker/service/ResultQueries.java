package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.psybiome.biomarker.model.ResultPage;
import org.psybiome.biomarker.repository.ResultStore;
import org.psybiome.biomarker.repository.ResultStore.ResultFilter;
import org.psybiome.biomarker.repository.ResultStore.StoredResult;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * Reading a trial's results, page by page. Keyset paging (after the last id seen) rather than
 * offsets: a page deep into a million results costs the same as the first, and batches stored
 * meanwhile neither repeat nor skip rows.
 */
@ApplicationScoped
public class ResultQueries {

  private static final String TOKEN_PREFIX = "r1:";

  private final ResultStore results;
  private final TrialKnowledge knowledge;

  ResultQueries(ResultStore results, TrialKnowledge knowledge) {
    this.results = results;
    this.knowledge = knowledge;
  }

  public ResultPage page(Caller caller, ResultFilter filter, String pageToken, int pageSize) {
    knowledge
        .trial(filter.trialId())
        .filter(t -> BatchQueries.ownsAsReader(caller, t.consortium()))
        .orElseThrow(
            () ->
                ProblemException.notFound("No trial " + filter.trialId() + " of your consortium"));
    long after = pageToken == null ? 0 : decode(pageToken);
    // one more than asked tells whether a next page exists without counting
    List<StoredResult> rows = results.page(filter, after, pageSize + 1);
    boolean more = rows.size() > pageSize;
    List<StoredResult> page = more ? rows.subList(0, pageSize) : rows;
    String next = more ? encode(page.get(page.size() - 1).id()) : null;
    return new ResultPage(page.stream().map(StoredResult::view).toList(), next);
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
