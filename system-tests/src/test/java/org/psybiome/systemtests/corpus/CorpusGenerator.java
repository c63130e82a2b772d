package org.psybiome.systemtests.corpus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.psybiome.systemtests.harness.Trials;

/**
 * The bad-input corpus: for every endpoint, {@code perEndpoint} requests made bad in a way chosen
 * by a seeded random (the same seed gives the same corpus), each one a request the service must
 * refuse with a 4xx problem and without changing anything.
 */
final class CorpusGenerator {

  /** What the generator needs of the running stack: fixture ids and bearer headers per role. */
  record Fixtures(
      String registeredTrial,
      String etag,
      String draftTrial,
      String batch,
      String participant,
      ObjectNode trialRecord,
      ObjectNode analyte,
      ObjectNode panel,
      Function<String, String> bearer) {}

  private static final String STALE = "\"0\"";

  private final Random random;
  private final Fixtures f;
  private final JsonMutations json;
  private final ResultBatchMutations results;

  CorpusGenerator(long seed, Fixtures fixtures) {
    this.random = new Random(seed);
    this.f = fixtures;
    this.json = new JsonMutations(random);
    this.results = new ResultBatchMutations(random, fixtures.participant());
  }

  List<BadRequest> generate(int perEndpoint) {
    String t = "/api/v1/trials/" + f.registeredTrial();
    List<BadRequest> corpus = new ArrayList<>();
    List<Endpoint> endpoints =
        List.of(
            query(
                "GET /api/v1/trials",
                "/api/v1/trials",
                "reader",
                List.of(
                    "status", "registeredFrom", "registeredTo", "sort", "pageSize", "pageToken")),
            body(
                "POST /api/v1/trials",
                "POST",
                "/api/v1/trials",
                "registrant",
                null,
                f.trialRecord(),
                TRIAL_CHECKED,
                TRIAL_TEXT),
            id("GET /api/v1/trials/{id}", "/api/v1/trials/", "", "reader"),
            body(
                "PUT /api/v1/trials/{id}",
                "PUT",
                t,
                "registrant",
                f.etag(),
                f.trialRecord().deepCopy().put("changeReason", "corpus"),
                TRIAL_CHECKED,
                TRIAL_TEXT),
            body(
                "POST /api/v1/trials/{id}/status",
                "POST",
                t + "/status",
                "registrant",
                f.etag(),
                statusChange(),
                List.of("/status", "/effectiveDate"),
                List.of("/reason")),
            // irreversible if ever accepted: a stale If-Match keeps even a valid body from acting
            body(
                "POST /api/v1/trials/{id}/unblinding",
                "POST",
                t + "/unblinding",
                "statistician",
                STALE,
                Trials.JSON.createObjectNode().put("reason", "corpus"),
                List.of("/reason"),
                List.of("/reason")),
            id("GET /api/v1/trials/{id}/versions", "/api/v1/trials/", "/versions", "reader"),
            id("GET /api/v1/trials/{id}/versions/{v}", t + "/versions/", "", "reader"),
            query("GET /api/v1/trials/{id}/diff", t + "/diff", "reader", List.of("from", "to")),
            query(
                "GET /api/v1/trials/{id}/audit",
                t + "/audit",
                "registrant",
                List.of("pageSize", "pageToken")),
            body(
                "POST /api/v1/trials/{id}/participants",
                "POST",
                t + "/participants",
                "registrant",
                null,
                enrolment(),
                List.of("/arm", "/enrolledOn"),
                List.of("/code")),
            query(
                "GET /api/v1/trials/{id}/participants",
                t + "/participants",
                "registrant",
                List.of("pageSize", "pageToken")),
            query("GET /api/v1/analytes", "/api/v1/analytes", "reader", List.of("layer")),
            id("GET /api/v1/analytes/{code}", "/api/v1/analytes/", "", "reader"),
            body(
                "POST /api/v1/analytes",
                "POST",
                "/api/v1/analytes",
                "curator",
                null,
                f.analyte().deepCopy().put("code", "CORPUS_NEW"),
                ANALYTE_CHECKED_NEW,
                ANALYTE_TEXT),
            body(
                "PUT /api/v1/analytes/{code}",
                "PUT",
                "/api/v1/analytes/IL6",
                "curator",
                null,
                f.analyte(),
                ANALYTE_CHECKED,
                ANALYTE_TEXT),
            unauthenticated("GET /api/v1/panels", "/api/v1/panels"),
            id("GET /api/v1/panels/{code}", "/api/v1/panels/", "", "reader"),
            body(
                "POST /api/v1/panels",
                "POST",
                "/api/v1/panels",
                "curator",
                null,
                f.panel().deepCopy().put("code", "CORPUS_PANEL"),
                List.of("/code", "/analytes/0"),
                List.of("/name")),
            body(
                "PUT /api/v1/panels/{code}",
                "PUT",
                "/api/v1/panels/INFLAMMATION",
                "curator",
                null,
                f.panel(),
                List.of("/analytes/0"),
                List.of("/name")),
            id("GET /api/v1/batches/{id}", "/api/v1/batches/", "", "reader"),
            resultBatches("POST /api/v1/trials/{id}/results", t + "/results"),
            query(
                "GET /api/v1/trials/{id}/results",
                t + "/results",
                "reader",
                List.of("pageSize", "pageToken")),
            query(
                "GET /api/v1/trials/{id}/summaries/{analyte}",
                t + "/summaries/IL6",
                "reader",
                List.of("visit", "by", "change")),
            id(
                "GET /api/v1/trials/{id}/summaries/{analyte}",
                t + "/summaries/",
                "?visit=W0",
                "reader"));
    for (Endpoint endpoint : endpoints) {
      for (int i = 0; i < perEndpoint; i++) {
        corpus.add(endpoint.next());
      }
    }
    corpus.addAll(oversizedBodies(t));
    return corpus;
  }

  @FunctionalInterface
  private interface Endpoint {
    BadRequest next();
  }

  private static final List<String> TRIAL_CHECKED =
      List.of(
          "/secondaryIds/0/registry",
          "/secondaryIds/0/value",
          "/design/allocation",
          "/design/masking/level",
          "/anticipatedFirstEnrolment",
          "/targetSampleSize",
          "/arms/0/type",
          "/interventions/0/type",
          "/completionDate");
  private static final List<String> TRIAL_TEXT =
      List.of("/publicTitle", "/scientificTitle", "/primarySponsor", "/acronym");
  private static final List<String> ANALYTE_CHECKED =
      List.of("/layer", "/specimen", "/loinc", "/plausibleLow", "/plausibleHigh", "/ncbiTaxonId");
  private static final List<String> ANALYTE_CHECKED_NEW =
      List.of("/code", "/layer", "/specimen", "/loinc", "/plausibleLow", "/plausibleHigh");
  private static final List<String> ANALYTE_TEXT = List.of("/name", "/unit");

  private ObjectNode statusChange() {
    return Trials.JSON
        .createObjectNode()
        .put("status", "ACTIVE_NOT_RECRUITING")
        .put("effectiveDate", LocalDate.now().toString())
        .put("reason", "corpus");
  }

  private ObjectNode enrolment() {
    return Trials.JSON
        .createObjectNode()
        .put("code", "CORPUS-P1")
        .put("arm", "Placebo")
        .put("enrolledOn", LocalDate.now().toString());
  }

  /** A path whose identifying segment is hostile text (or, now and then, a bad token). */
  private Endpoint id(String name, String prefix, String suffix, String role) {
    return () -> {
      if (random.nextInt(8) == 0) {
        return badToken(name, "GET", prefix + "X" + suffix);
      }
      String value = hostileText();
      return new BadRequest(
          name, "hostile-id", "GET", prefix + encode(value) + suffix, auth(role), null);
    };
  }

  /** A query parameter the service checks (enum, date, number, cursor) given hostile text. */
  private Endpoint query(String name, String path, String role, List<String> params) {
    return () -> {
      if (random.nextInt(8) == 0) {
        return badToken(name, "GET", path);
      }
      String param = params.get(random.nextInt(params.size()));
      String value = random.nextInt(6) == 0 ? "-1" : hostileText();
      String separator = path.contains("?") ? "&" : "?";
      String extra = path.endsWith("/summaries/IL6") && !param.equals("visit") ? "&visit=W0" : "";
      return new BadRequest(
          name,
          "hostile-query:" + param,
          "GET",
          path + separator + param + "=" + encode(value) + extra,
          auth(role),
          null);
    };
  }

  /** An endpoint without checked input of its own: only its token can be bad. */
  private Endpoint unauthenticated(String name, String path) {
    return () -> badToken(name, "GET", path);
  }

  private Endpoint body(
      String name,
      String method,
      String path,
      String role,
      String ifMatch,
      ObjectNode valid,
      List<String> checked,
      List<String> text) {
    return () -> {
      Map<String, String> headers = auth(role);
      if (ifMatch != null) {
        headers.put("If-Match", ifMatch);
      }
      int family = random.nextInt(12);
      if (family == 0) {
        return badToken(name, method, path, valid);
      }
      if (family == 1) {
        headers.put(
            "Content-Type",
            pick(
                List.of(
                    "text/plain",
                    "application/xml",
                    "text/csv",
                    "application/x-www-form-urlencoded")));
        return new BadRequest(
            name, "content-type", method, path, headers, JsonMutations.utf8(valid.toString()));
      }
      if (family == 2 && ifMatch != null) {
        headers.put("If-Match", asciiHeader(hostileText()));
        return new BadRequest(
            name, "hostile-if-match", method, path, headers, JsonMutations.utf8(valid.toString()));
      }
      JsonMutations.Mutated mutated = json.mutate(valid, checked, text);
      headers.put("Content-Type", "application/json");
      return new BadRequest(name, mutated.kind(), method, path, headers, mutated.body());
    };
  }

  private Endpoint resultBatches(String name, String path) {
    return () -> {
      Map<String, String> headers = auth("pipeline");
      int family = random.nextInt(10);
      if (family == 0) {
        return badToken(name, "POST", path);
      }
      if (family == 1) {
        headers.put("Content-Type", pick(List.of("text/plain", "application/xml", "image/png")));
        return new BadRequest(
            name, "content-type", "POST", path, headers, JsonMutations.utf8("participant\n"));
      }
      ResultBatchMutations.Mutated mutated = results.mutate();
      headers.put("Content-Type", mutated.contentType());
      if (family == 2) {
        // a hostile key on a bad batch: either the key or the batch is refused, nothing kept
        headers.put("Idempotency-Key", asciiHeader(hostileText()));
      }
      return new BadRequest(name, mutated.kind(), "POST", path, headers, mutated.body());
    };
  }

  /** Bodies past the services' limits (trial-service 1 MB; 100 001 result rows). */
  private List<BadRequest> oversizedBodies(String trialPath) {
    List<BadRequest> oversized = new ArrayList<>();
    ObjectNode huge =
        f.trialRecord()
            .deepCopy()
            .put("scientificTitle", HostileStrings.longString(1_500_000, 'y'));
    Map<String, String> headers = auth("registrant");
    headers.put("Content-Type", "application/json");
    oversized.add(
        new BadRequest(
            "POST /api/v1/trials",
            "oversized-body",
            "POST",
            "/api/v1/trials",
            headers,
            JsonMutations.utf8(huge.toString())));
    StringBuilder csv =
        new StringBuilder("participant,visit,sampleId,collectedAt,analyte,value,unit\n");
    for (int i = 0; i <= 100_000; i++) {
      csv.append("NOBODY,W0,S").append(i).append(",2026-01-05T08:00:00Z,IL6,1,pg/mL\n");
    }
    Map<String, String> pipeline = auth("pipeline");
    pipeline.put("Content-Type", "text/csv");
    oversized.add(
        new BadRequest(
            "POST /api/v1/trials/{id}/results",
            "too-many-rows",
            "POST",
            trialPath + "/results",
            pipeline,
            JsonMutations.utf8(csv.toString())));
    return oversized;
  }

  private BadRequest badToken(String name, String method, String path) {
    return badToken(name, method, path, null);
  }

  private BadRequest badToken(String name, String method, String path, ObjectNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    String token =
        pick(
            List.of(
                "Bearer " + asciiHeader(hostileText()),
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbImN1cmF0b3IiXX0.",
                "Bearer " + "A".repeat(6000),
                "Bearer a.b.c"));
    headers.put("Authorization", token);
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return new BadRequest(
        name,
        "bad-token",
        method,
        path,
        headers,
        body == null ? null : JsonMutations.utf8(body.toString()));
  }

  private String hostileText() {
    if (random.nextInt(10) == 0) {
      return HostileStrings.longString(1500, 'z');
    }
    List<String> kind = HostileStrings.ALL_TEXT.get(random.nextInt(HostileStrings.ALL_TEXT.size()));
    return kind.get(random.nextInt(kind.size()));
  }

  private Map<String, String> auth(String role) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", f.bearer().apply(role));
    return headers;
  }

  /** Header values must be visible ASCII for the HTTP client; other characters become '?'. */
  private static String asciiHeader(String value) {
    StringBuilder ascii = new StringBuilder();
    for (char c : value.toCharArray()) {
      ascii.append(c >= 0x21 && c < 0x7f ? c : '?');
    }
    return ascii.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
