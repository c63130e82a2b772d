package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;
import org.psybiome.trial.api.AuditEntryView;
import org.psybiome.trial.api.AuditPage;
import org.psybiome.trial.api.TrialPage;
import org.psybiome.trial.api.TrialSearchQuery;
import org.psybiome.trial.api.VersionDiff;
import org.psybiome.trial.api.VersionView;
import org.psybiome.trial.repository.AuditEntryEntity;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialHistoryRepository;
import org.psybiome.trial.repository.TrialRepository;
import org.psybiome.trial.repository.TrialSearchRepository;
import org.psybiome.trial.repository.TrialVersionEntity;

/** Reading trials: search, past versions, their differences, the audit trail. */
@ApplicationScoped
public class TrialQueries {

  private final TrialRepository trials;
  private final TrialSearchRepository search;
  private final TrialHistoryRepository history;
  private final VersionDiffer differ;

  TrialQueries(
      TrialRepository trials,
      TrialSearchRepository search,
      TrialHistoryRepository history,
      VersionDiffer differ) {
    this.trials = trials;
    this.search = search;
    this.history = history;
    this.differ = differ;
  }

  @Transactional
  public TrialPage search(Caller caller, TrialSearchQuery query) {
    TrialSearchRepository.Keyset after =
        query.pageToken() == null
            ? null
            : PageTokens.decode(query.pageToken(), TrialSearchRepository.Keyset.class);
    var result = search.search(query, caller.consortium().orElse(null), after);
    return new TrialPage(
        result.items().stream().map(TrialViews::summary).toList(),
        result.total(),
        result.totalExact(),
        result.next() == null ? null : PageTokens.encode(result.next()));
  }

  @Transactional
  public List<VersionView> versions(Caller caller, String id) {
    TrialEntity trial = readable(caller, id);
    boolean member = TrialAccess.isMember(trial, caller);
    return history.versions(id).stream().map(v -> view(v, member, false)).toList();
  }

  @Transactional
  public VersionView version(Caller caller, String id, int version) {
    TrialEntity trial = readable(caller, id);
    return history
        .version(id, version)
        .map(v -> view(v, TrialAccess.isMember(trial, caller), true))
        .orElseThrow(() -> ProblemException.notFound(id + " has no version " + version));
  }

  @Transactional
  public VersionDiff diff(Caller caller, String id, int from, int to) {
    readable(caller, id);
    TrialVersionEntity before =
        history
            .version(id, from)
            .orElseThrow(() -> ProblemException.notFound(id + " has no version " + from));
    TrialVersionEntity after =
        history
            .version(id, to)
            .orElseThrow(() -> ProblemException.notFound(id + " has no version " + to));
    return new VersionDiff(from, to, differ.diff(snapshot(before), snapshot(after)));
  }

  @Transactional
  public AuditPage audit(Caller caller, String id, String pageToken, int pageSize) {
    TrialEntity trial = trials.findForReading(id).orElseThrow(() -> TrialAccess.notFound(id));
    TrialAccess.requireMember(trial, caller, "audit trail");
    long after = pageToken == null ? 0 : PageTokens.decode(pageToken, Long.class);
    List<AuditEntryEntity> entries = history.audit(id, after, pageSize + 1);
    boolean more = entries.size() > pageSize;
    List<AuditEntryEntity> page = more ? entries.subList(0, pageSize) : entries;
    boolean allocationsVisible = TrialAccess.canSeeAllocations(trial, caller);
    return new AuditPage(
        page.stream().map(e -> view(e, allocationsVisible)).toList(),
        more ? PageTokens.encode(page.get(page.size() - 1).id) : null);
  }

  private TrialEntity readable(Caller caller, String id) {
    TrialEntity trial = trials.findForReading(id).orElseThrow(() -> TrialAccess.notFound(id));
    TrialAccess.requireReadable(trial, caller);
    return trial;
  }

  /** The state a version fixed: status and content, which is what readers compare. */
  private static Object snapshot(TrialVersionEntity version) {
    return java.util.Map.of("status", version.status, "record", version.content());
  }

  private static VersionView view(TrialVersionEntity v, boolean member, boolean withContent) {
    return new VersionView(
        v.version,
        v.status,
        v.changedAt,
        member ? v.changedBy : null,
        v.change,
        v.reason,
        withContent ? v.content() : null);
  }

  /** While blinded, enrolment entries show who was enrolled but not into which arm or sequence. */
  private static AuditEntryView view(AuditEntryEntity e, boolean allocationsVisible) {
    JsonNode changes = e.changes;
    if (!allocationsVisible && "PARTICIPANT_ENROLLED".equals(e.action) && changes.isArray()) {
      ArrayNode masked = changes.deepCopy();
      for (JsonNode change : masked) {
        if (change.get("to") instanceof ObjectNode to) {
          to.remove("arm");
          to.remove("armCode");
          to.remove("sequence");
        }
      }
      changes = masked;
    }
    return new AuditEntryView(
        e.id, e.at, e.actor, e.consortium, e.action, e.version, e.reason, changes);
  }
}
