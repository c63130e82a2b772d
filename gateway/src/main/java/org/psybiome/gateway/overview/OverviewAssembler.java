package org.psybiome.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.psybiome.common.security.Roles;
import org.psybiome.gateway.client.CallerHeaders;
import org.psybiome.gateway.client.UpstreamClient;
import org.psybiome.gateway.client.UpstreamReply;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.edge.VerifiedCaller;
import org.psybiome.gateway.model.Upstream;

/**
 * Assembles a trial's overview. The trial record and the result counts are asked for at once; then
 * the summaries of the trial's outcome analytes, all at once. Every request carries the caller's
 * own token, so each service applies its visibility rules: a draft of another consortium is a 404
 * (and so is the overview), results of another consortium are simply not shown. Without the trial
 * there is nothing to show (503/504/404); without biomarker-service the trial is still shown,
 * marked partial.
 *
 * <p>Which summaries: one per outcome measure (primary, then secondary) that has results, at the
 * latest visit of the schedule with results of it — the trial's "where it stands" — per arm when
 * the caller may see arms, else pooled. Summaries of every analyte at every visit would be hundreds
 * of requests; the full set stays one summary request away.
 */
@ApplicationScoped
public class OverviewAssembler {

  private final UpstreamClient upstreams;
  private final GatewayConfig.Overview config;

  OverviewAssembler(UpstreamClient upstreams, GatewayConfig config) {
    this.upstreams = upstreams;
    this.config = config.overview();
  }

  /**
   * @param headers what every upstream request carries: the caller's Authorization and the
   *     correlation id (the trace context is carried by the REST clients themselves)
   */
  public Future<TrialOverview> overview(
      String trialId, VerifiedCaller caller, CallerHeaders headers) {
    Duration timeout = config.upstreamTimeout();
    Future<UpstreamReply> trial = upstreams.trial(trialId, headers, timeout);
    Future<UpstreamReply> counts = upstreams.resultCounts(trialId, headers, timeout);
    return Future.join(trial, counts)
        .transform(
            done -> {
              JsonNode record = requireTrial(trialId, trial);
              List<ScheduledVisit> schedule = schedule(record);
              if (counts.failed()) {
                Log.warnf(
                    "Overview of %s without results: %s", trialId, counts.cause().getMessage());
                return Future.succeededFuture(
                    partial(
                        trialId,
                        record,
                        schedule,
                        ResultSection.hidden(SectionStatus.UNAVAILABLE)));
              }
              UpstreamReply reply = counts.result();
              if (!reply.ok()) {
                // 401/403/404: results are for the trial's consortium (or not known yet there).
                SectionStatus status =
                    reply.status() >= 500 ? SectionStatus.UNAVAILABLE : SectionStatus.NOT_VISIBLE;
                TrialOverview overview =
                    status == SectionStatus.UNAVAILABLE
                        ? partial(trialId, record, schedule, ResultSection.hidden(status))
                        : new TrialOverview(
                            trialId,
                            false,
                            List.of(),
                            record,
                            schedule,
                            ResultSection.hidden(status));
                return Future.succeededFuture(overview);
              }
              List<ResultCount> resultCounts = resultCounts(reply.body());
              return summaries(trialId, record, schedule, resultCounts, caller, headers)
                  .map(
                      fetched -> {
                        ResultSection results =
                            new ResultSection(
                                SectionStatus.AVAILABLE,
                                reply
                                    .body()
                                    .path("total")
                                    .asLong(
                                        resultCounts.stream()
                                            .mapToLong(ResultCount::results)
                                            .sum()),
                                resultCounts,
                                fetched.summaries());
                        return fetched.complete()
                            ? new TrialOverview(
                                trialId, false, List.of(), record, schedule, results)
                            : partial(trialId, record, schedule, results);
                      });
            });
  }

  private static TrialOverview partial(
      String trialId, JsonNode record, List<ScheduledVisit> schedule, ResultSection results) {
    return new TrialOverview(
        trialId,
        true,
        List.of(Upstream.BIOMARKER_SERVICE.serviceName()),
        record,
        schedule,
        results);
  }

  /** The trial record, or the problem that ends the overview. */
  private static JsonNode requireTrial(String trialId, Future<UpstreamReply> trial) {
    return RequiredReply.body(trial, "trial " + trialId);
  }

  static List<ScheduledVisit> schedule(JsonNode record) {
    List<ScheduledVisit> visits = new ArrayList<>();
    for (JsonNode visit : record.path("schedule").path("visits")) {
      visits.add(
          new ScheduledVisit(
              visit.path("code").asText(),
              visit.path("label").isTextual() ? visit.path("label").asText() : null,
              visit.path("dayOffset").asInt(),
              visit.path("baseline").asBoolean(false),
              texts(visit.path("panels")),
              texts(visit.path("scales"))));
    }
    visits.sort(Comparator.comparingInt(ScheduledVisit::dayOffset));
    return visits;
  }

  private static List<ResultCount> resultCounts(JsonNode body) {
    List<ResultCount> counts = new ArrayList<>();
    for (JsonNode count : body.path("counts")) {
      counts.add(
          new ResultCount(
              count.path("visit").asText(),
              count.path("analyte").asText(),
              count.path("results").asLong(),
              count.path("censored").asLong()));
    }
    return counts;
  }

  private record Fetched(List<JsonNode> summaries, boolean complete) {}

  /** A summary to fetch: an outcome analyte at the latest visit with results of it. */
  record SummaryChoice(String analyte, String visit, String by) {}

  private Future<Fetched> summaries(
      String trialId,
      JsonNode record,
      List<ScheduledVisit> schedule,
      List<ResultCount> counts,
      VerifiedCaller caller,
      CallerHeaders headers) {
    List<SummaryChoice> choices =
        chooseSummaries(record, schedule, counts, caller, config.maxSummaries());
    List<Future<UpstreamReply>> fetches = new ArrayList<>();
    for (SummaryChoice choice : choices) {
      fetches.add(
          upstreams.summary(
              trialId,
              choice.analyte(),
              choice.visit(),
              choice.by(),
              headers,
              config.upstreamTimeout()));
    }
    return Future.join(fetches)
        .transform(
            done -> {
              List<JsonNode> summaries = new ArrayList<>();
              boolean complete = true;
              for (Future<UpstreamReply> fetch : fetches) {
                if (fetch.failed() || fetch.result().status() >= 500) {
                  complete = false;
                } else if (fetch.result().ok()) {
                  summaries.add(fetch.result().body());
                }
                // 4xx: not this caller's to see (or not summarisable); left out
              }
              return Future.succeededFuture(new Fetched(summaries, complete));
            });
  }

  /** See the class comment for the rule. */
  static List<SummaryChoice> chooseSummaries(
      JsonNode record,
      List<ScheduledVisit> schedule,
      List<ResultCount> counts,
      VerifiedCaller caller,
      int max) {
    String consortium = record.path("consortium").asText("");
    boolean armsVisible =
        !record.path("blinded").asBoolean(false) || caller.actsFor(consortium, Roles.STATISTICIAN);
    String by = armsVisible ? "arm" : "pooled";
    Set<String> outcomes = new LinkedHashSet<>();
    for (String kind : List.of("primaryOutcomes", "secondaryOutcomes")) {
      for (JsonNode outcome : record.path(kind)) {
        String code = outcome.path("measure").path("code").asText("");
        if (!code.isBlank()) {
          outcomes.add(code);
        }
      }
    }
    List<SummaryChoice> choices = new ArrayList<>();
    for (String analyte : outcomes) {
      if (choices.size() >= max) {
        break;
      }
      latestVisitWithValues(analyte, schedule, counts)
          .ifPresent(visit -> choices.add(new SummaryChoice(analyte, visit, by)));
    }
    return choices;
  }

  private static Optional<String> latestVisitWithValues(
      String analyte, List<ScheduledVisit> schedule, List<ResultCount> counts) {
    for (int i = schedule.size() - 1; i >= 0; i--) {
      String visit = schedule.get(i).code();
      boolean hasValues =
          counts.stream()
              .anyMatch(
                  c ->
                      c.analyte().equals(analyte)
                          && c.visit().equals(visit)
                          && c.results() > c.censored());
      if (hasValues) {
        return Optional.of(visit);
      }
    }
    return Optional.empty();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
