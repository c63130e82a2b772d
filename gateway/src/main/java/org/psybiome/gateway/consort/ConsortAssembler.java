package org.psybiome.gateway.consort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psybiome.gateway.client.CallerHeaders;
import org.psybiome.gateway.client.UpstreamClient;
import org.psybiome.gateway.client.UpstreamReply;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.overview.RequiredReply;

/**
 * A trial's CONSORT flow with its analysis box: trial-service counts enrolment, allocation and
 * follow-up; biomarker-service's summaries say, per primary outcome with a catalogue measure and
 * per visit after baseline, whose value is analysed. Every request carries the caller's token, so
 * each service applies its own rules: the flow is per arm only for who may see arms, and so are the
 * summaries asked for. A crossover trial's groups are sequences, not arms, so its analysis is
 * pooled.
 */
@ApplicationScoped
public class ConsortAssembler {

  /** At most this many summaries per flow: 5 primary outcomes at 8 visits after baseline. */
  static final int MAX_SUMMARIES = 40;

  private final UpstreamClient upstreams;
  private final Duration timeout;
  private final ObjectMapper json;

  ConsortAssembler(UpstreamClient upstreams, GatewayConfig config, ObjectMapper json) {
    this.upstreams = upstreams;
    this.timeout = config.overview().upstreamTimeout();
    this.json = json;
  }

  /** The flow as trial-service answers it, with {@code analysed} added. */
  public Future<ObjectNode> flow(String trialId, CallerHeaders headers) {
    Future<UpstreamReply> flow = upstreams.consort(trialId, headers, timeout);
    Future<UpstreamReply> trial = upstreams.trial(trialId, headers, timeout);
    return Future.join(flow, trial)
        .transform(
            done -> {
              ObjectNode counted =
                  (ObjectNode) RequiredReply.body(flow, "CONSORT flow of " + trialId).deepCopy();
              JsonNode record = RequiredReply.body(trial, "trial " + trialId);
              boolean perArm =
                  !counted.path("blinded").asBoolean(true)
                      && record.path("design").path("crossover").isMissingNode();
              List<Choice> choices = choices(record);
              List<Future<UpstreamReply>> fetches = new ArrayList<>();
              for (Choice choice : choices) {
                fetches.add(
                    upstreams.summary(
                        trialId,
                        choice.measure(),
                        choice.visit(),
                        perArm ? "arm" : "pooled",
                        headers,
                        timeout));
              }
              return Future.join(fetches)
                  .transform(
                      fetched -> {
                        counted.set("analysed", analysed(counted, choices, fetches, perArm));
                        return Future.succeededFuture(counted);
                      });
            });
  }

  /** An outcome measure at a visit. */
  record Choice(String measure, String visit) {}

  /** Primary outcomes with a measure, at each visit after baseline in visit order. */
  static List<Choice> choices(JsonNode record) {
    Set<String> measures = new LinkedHashSet<>();
    for (JsonNode outcome : record.path("primaryOutcomes")) {
      String code = outcome.path("measure").path("code").asText("");
      if (!code.isBlank()) {
        measures.add(code);
      }
    }
    List<JsonNode> visits = new ArrayList<>();
    record.path("schedule").path("visits").forEach(visits::add);
    visits.sort(Comparator.comparingInt(v -> v.path("dayOffset").asInt()));
    List<Choice> choices = new ArrayList<>();
    for (String measure : measures) {
      for (JsonNode visit : visits) {
        if (!visit.path("baseline").asBoolean(false) && choices.size() < MAX_SUMMARIES) {
          choices.add(new Choice(measure, visit.path("code").asText()));
        }
      }
    }
    return choices;
  }

  private ArrayNode analysed(
      ObjectNode flow, List<Choice> choices, List<Future<UpstreamReply>> fetches, boolean perArm) {
    // summaries name arms by label (older) or code: both lead to the flow's arm code
    Map<String, String> codes = new HashMap<>();
    Map<String, Long> allocated = new HashMap<>();
    for (JsonNode arm : flow.path("arms")) {
      String code = arm.path("armCode").asText();
      codes.put(code, code);
      codes.put(arm.path("label").asText(), code);
      allocated.put(code, arm.path("counts").path("allocated").asLong());
    }
    long pooledAllocated = flow.path("pooled").path("allocated").asLong();
    ArrayNode analysed = json.createArrayNode();
    for (int i = 0; i < choices.size(); i++) {
      Future<UpstreamReply> fetch = fetches.get(i);
      if (fetch.failed() || !fetch.result().ok()) {
        // not a measure biomarker-service summarises, or it could not answer: left out
        if (fetch.failed() || fetch.result().status() >= 500) {
          Log.warnf("CONSORT analysis without %s: %s", choices.get(i), describe(fetch));
        }
        continue;
      }
      JsonNode summary = fetch.result().body();
      ObjectNode entry = analysed.addObject();
      entry.put("measure", choices.get(i).measure());
      entry.put("visit", choices.get(i).visit());
      ArrayNode arms = json.createArrayNode();
      if (perArm && summary.path("arms").isArray()) {
        long n = 0;
        long censored = 0;
        long failed = 0;
        for (JsonNode arm : summary.path("arms")) {
          String code = codes.get(arm.path("armCode").asText(arm.path("arm").asText()));
          JsonNode statistics = arm.path("statistics");
          n += statistics.path("n").asLong();
          censored += statistics.path("nCensored").asLong();
          failed += statistics.path("nQcFail").asLong();
          if (code != null) {
            arms.addObject()
                .put("armCode", code)
                .set("counts", counts(statistics, allocated.getOrDefault(code, 0L)));
          }
        }
        entry.set("pooled", counts(n, censored, failed, pooledAllocated));
      } else {
        entry.set("pooled", counts(summary.path("pooled"), pooledAllocated));
      }
      entry.set("arms", arms);
    }
    return analysed;
  }

  private ObjectNode counts(JsonNode statistics, long allocated) {
    return counts(
        statistics.path("n").asLong(),
        statistics.path("nCensored").asLong(),
        statistics.path("nQcFail").asLong(),
        allocated);
  }

  private ObjectNode counts(long n, long censored, long qcFailed, long allocated) {
    return json.createObjectNode()
        .put("analysed", n)
        .put("censored", censored)
        .put("withoutValue", Math.max(0, allocated - n - censored))
        .put("qcFailedResults", qcFailed);
  }

  private static String describe(Future<UpstreamReply> fetch) {
    return fetch.failed() ? fetch.cause().getMessage() : "status " + fetch.result().status();
  }
}
