package org.psybiome.systemtests.corpus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.psybiome.systemtests.harness.Trials;

/**
 * The bad-input corpus: for every operation of the API document, requests made bad in a way chosen
 * by a seeded random (the same seed gives the same corpus), each with the status the API documents
 * for that kind of mistake. Body mutations carry a token of a role allowed to write and aim at a
 * resource that exists, so that they reach the reading and checking of the body; none of them may
 * be stored. No two requests are the same (method, path, headers and body).
 *
 * <p>The statuses, as the services document them (api/openapi.json): a body that is not well-formed
 * JSON, not an object, of a wrong type, with an unknown property, with a value a checked field
 * refuses or with text no string can hold (NUL, a lone surrogate, invalid UTF-8) is a 400 —
 * Jackson's reading errors and Bean Validation are both "the request is malformed" here, and the
 * services document 422 only where a readable body breaks a rule of its content: a result batch's
 * row errors, a correction's value, a document that is no ClinicalTrials.gov study. A body over its
 * operation's own limit is a 413, a result batch of more than 100 000 rows too; a content type the
 * operation does not read is a 415; an unknown or repeated query parameter, or a query parameter
 * that is not of its type, a 400; a bad token a 401; a stale or made-up If-Match a 412; an id that
 * names nothing a 404.
 */
final class CorpusGenerator {

  /** What the generator needs of the running stack: fixture ids and bearer headers per role. */
  record Fixtures(
      String registeredTrial,
      String etag,
      String draftTrial,
      String batch,
      String participant,
      String result,
      ObjectNode trialRecord,
      ObjectNode analyte,
      ObjectNode panel,
      Function<String, String> bearer) {}

  private static final String STALE = "\"0\"";

  /** Kinds whose requests get past authentication and content type to the body's checks. */
  static final Set<String> BODY_KINDS =
      Set.of(
          "malformed",
          "not-an-object",
          "wrong-type",
          "unknown-property",
          "hostile-value",
          "invalid-text",
          "oversized-field",
          "no-usable-rows",
          "not-a-study");

  private final Random random;
  private final Fixtures f;
  private final JsonMutations json;
  private final ResultBatchMutations results;
  private final Set<String> seen = new HashSet<>();

  CorpusGenerator(long seed, Fixtures fixtures) {
    this.random = new Random(seed);
    this.f = fixtures;
    this.json = new JsonMutations(random);
    this.results = new ResultBatchMutations(random, fixtures.participant());
  }

  /**
   * @param perRead requests per read operation
   * @param perWrite requests per write operation (plus the oversized bodies)
   */
  List<BadRequest> generate(int perRead, int perWrite) {
    String t = "/api/v1/trials/" + f.registeredTrial();
    String p = t + "/participants/" + f.participant();
    List<BadRequest> corpus = new ArrayList<>();
    List<Endpoint> reads =
        List.of(
            read("GET /api/v1/trials", "/api/v1/trials", "", "reader", null, 0)
                .checked("status", "registeredFrom", "registeredTo", "sort", "pageSize")
                .checked("pageToken", "interventionType")
                .single("q", "sort", "pageSize", "secondaryId", "condition", "sponsor"),
            id("GET /api/v1/trials/{id}", "/api/v1/trials/", "", "reader", 404),
            id("GET /api/v1/trials/{id}/versions", "/api/v1/trials/", "/versions", "reader", 404),
            id("GET /api/v1/trials/{id}/versions/{version}", t + "/versions/", "", "reader", 400),
            read("GET /api/v1/trials/{id}/diff", t + "/diff", "from=1&to=1", "reader", null, 0)
                .checked("from", "to")
                .single("from", "to"),
            read("GET /api/v1/trials/{id}/audit", t + "/audit", "", "registrant", null, 0)
                .checked("pageSize", "pageToken")
                .single("pageSize", "pageToken"),
            read("GET /api/v1/trials/{id}/export", t + "/export", "format=json", "reader", null, 0)
                .checked("format")
                .single("format"),
            read(
                    "GET /api/v1/trials/{id}/participants",
                    t + "/participants",
                    "",
                    "registrant",
                    null,
                    0)
                .checked("pageSize", "pageToken")
                .single("pageSize", "pageToken"),
            id(
                "GET /api/v1/trials/{trialId}/consort",
                "/api/v1/trials/",
                "/consort",
                "registrant",
                404),
            id(
                "GET /api/v1/trials/{trialId}/overview",
                "/api/v1/trials/",
                "/overview",
                "reader",
                404),
            read("GET /api/v1/analytes", "/api/v1/analytes", "", "reader", null, 0)
                .checked("layer")
                .single("layer", "panel"),
            id("GET /api/v1/analytes/{code}", "/api/v1/analytes/", "", "reader", 404),
            read("GET /api/v1/panels", "/api/v1/panels", "", "reader", null, 0),
            id("GET /api/v1/panels/{code}", "/api/v1/panels/", "", "reader", 404),
            id("GET /api/v1/batches/{id}", "/api/v1/batches/", "", "statistician", 404),
            read(
                    "GET /api/v1/trials/{trialId}/results",
                    t + "/results",
                    "",
                    "statistician",
                    null,
                    0)
                .checked("pageSize", "pageToken")
                .single("pageSize", "pageToken", "analyte", "visit", "participant"),
            id(
                "GET /api/v1/trials/{trialId}/results/counts",
                "/api/v1/trials/",
                "/results/counts",
                "statistician",
                404),
            read(
                    "GET /api/v1/trials/{trialId}/results/export",
                    t + "/results/export",
                    "",
                    "statistician",
                    null,
                    0)
                .checked("format")
                .single("format", "visit", "analyte"),
            id(
                "GET /api/v1/trials/{trialId}/results/{resultId}/history",
                t + "/results/",
                "/history",
                "statistician",
                404),
            read(
                    "GET /api/v1/trials/{trialId}/summaries/{analyte}",
                    t + "/summaries/IL6",
                    "visit=W0",
                    "statistician",
                    null,
                    0)
                .checked("by", "censored", "change", "scale", "specimen", "window")
                .single("visit", "by", "change", "scale"),
            id(
                "GET /api/v1/trials/{trialId}/drift",
                "/api/v1/trials/",
                "/drift",
                "statistician",
                404),
            read(
                    "GET /api/v1/trials/{trialId}/analysis",
                    t + "/analysis",
                    "visit=W8",
                    "statistician",
                    null,
                    0)
                .single("visit"),
            read(
                    "GET /api/v1/trials/{trialId}/missing-data",
                    t + "/missing-data",
                    "analyte=IL6",
                    "statistician",
                    null,
                    0)
                .single("analyte"),
            read(
                    "GET /api/v1/trials/{trialId}/response",
                    t + "/response",
                    "scale=HAMD17&visit=W8",
                    "statistician",
                    null,
                    0)
                .checked("remissionThreshold", "responseReduction", "window")
                .single("scale", "visit", "window"),
            read(
                    "GET /api/v1/trials/{trialId}/subgroups",
                    t + "/subgroups",
                    "outcome=IL6&visit=W8&by=IL6&cutoffs=3",
                    "statistician",
                    null,
                    0)
                .checked("quantiles")
                .single("outcome", "visit", "by", "cutoffs"),
            read(
                    "GET /api/v1/trials/{trialId}/crossover-analysis",
                    t + "/crossover-analysis",
                    "analyte=IL6",
                    "statistician",
                    null,
                    0)
                .checked("censored", "specimen", "window")
                .single("analyte", "window"),
            read("GET /api/v1/evidence", "/api/v1/evidence", "outcome=IL6", "statistician", null, 0)
                .checked("adjunct", "basis", "effect", "interventionType", "timepoint")
                .single("outcome", "basis", "effect"),
            feed());
    List<Endpoint> writes =
        List.of(
            body(
                "POST /api/v1/trials",
                "POST",
                "/api/v1/trials",
                "registrant",
                null,
                f.trialRecord(),
                TRIAL_CHECKED,
                TRIAL_TEXT,
                400),
            body(
                "PUT /api/v1/trials/{id}",
                "PUT",
                t,
                "registrant",
                f.etag(),
                f.trialRecord().deepCopy().put("changeReason", "corpus"),
                TRIAL_CHECKED,
                TRIAL_TEXT,
                400),
            body(
                "POST /api/v1/trials/{id}/status",
                "POST",
                t + "/status",
                "registrant",
                f.etag(),
                statusChange(),
                List.of("/status", "/effectiveDate"),
                List.of("/reason"),
                400),
            // irreversible if ever accepted: a stale If-Match keeps even a valid body from acting,
            // and no mutation leaves a valid body (a hostile reason is still a reason)
            body(
                "POST /api/v1/trials/{id}/unblinding",
                "POST",
                t + "/unblinding",
                "statistician",
                STALE,
                Trials.JSON.createObjectNode().put("reason", "corpus"),
                List.of(),
                List.of("/reason"),
                400),
            body(
                "POST /api/v1/trials/{id}/participants",
                "POST",
                t + "/participants",
                "registrant",
                null,
                enrolment(),
                List.of("/arm", "/enrolledOn"),
                List.of("/code"),
                400),
            body(
                "POST /api/v1/trials/{id}/participants/{code}/status",
                "POST",
                p + "/status",
                "registrant",
                null,
                Trials.JSON
                    .createObjectNode()
                    .put("status", "RECEIVED_ALLOCATED_INTERVENTION")
                    .put("effectiveDate", LocalDate.now().toString())
                    .put("reason", "corpus"),
                List.of("/status", "/effectiveDate"),
                List.of("/reason"),
                400),
            // irreversible too, and without If-Match: only bodies that cannot be read or checked
            body(
                "POST /api/v1/trials/{id}/participants/{code}/unblinding",
                "POST",
                p + "/unblinding",
                "statistician",
                null,
                Trials.JSON.createObjectNode().put("reason", "corpus: serious adverse event"),
                List.of(),
                List.of("/reason"),
                400),
            body(
                "POST /api/v1/trials/{id}/screenings",
                "POST",
                t + "/screenings",
                "registrant",
                null,
                Trials.JSON
                    .createObjectNode()
                    .put("screenedOn", LocalDate.now().toString())
                    .put("outcome", "NOT_MEETING_INCLUSION_CRITERIA")
                    .put("reason", "corpus"),
                List.of("/screenedOn", "/outcome"),
                List.of("/reason"),
                400),
            imports(),
            body(
                "POST /api/v1/analytes",
                "POST",
                "/api/v1/analytes",
                "curator",
                null,
                f.analyte().deepCopy().put("code", "CORPUS_NEW"),
                ANALYTE_CHECKED_NEW,
                ANALYTE_TEXT,
                400),
            body(
                "PUT /api/v1/analytes/{code}",
                "PUT",
                "/api/v1/analytes/IL6",
                "curator",
                null,
                f.analyte(),
                ANALYTE_CHECKED,
                ANALYTE_TEXT,
                400),
            body(
                "POST /api/v1/panels",
                "POST",
                "/api/v1/panels",
                "curator",
                null,
                f.panel().deepCopy().put("code", "CORPUS_PANEL"),
                List.of("/code", "/analytes/0"),
                List.of("/name"),
                400),
            body(
                "PUT /api/v1/panels/{code}",
                "PUT",
                "/api/v1/panels/INFLAMMATION",
                "curator",
                null,
                f.panel(),
                List.of("/analytes/0"),
                List.of("/name"),
                400),
            resultBatches("POST /api/v1/trials/{trialId}/results", t + "/results"),
            // the check without storing answers every bad batch as the POST does
            resultBatches(
                "POST /api/v1/trials/{trialId}/results/validate", t + "/results/validate"),
            // a correction's fields are text checked like a batch row's: a bad value is a 422
            body(
                "POST /api/v1/trials/{trialId}/results/{resultId}/corrections",
                "POST",
                t + "/results/" + f.result() + "/corrections",
                "pipeline",
                null,
                Trials.JSON
                    .createObjectNode()
                    .put("value", "1.5")
                    .put("unit", "pg/mL")
                    .put("qcStatus", "PASS")
                    .put("reason", "corpus"),
                List.of("/value", "/unit", "/comparator", "/qcStatus"),
                List.of("/reason"),
                422));
    for (Endpoint endpoint : reads) {
      fill(corpus, endpoint, perRead);
    }
    for (Endpoint endpoint : writes) {
      fill(corpus, endpoint, perWrite);
    }
    corpus.addAll(oversizedBodies(t, p));
    return corpus;
  }

  /** {@code count} requests of the endpoint, none the same as one made before. */
  private void fill(List<BadRequest> corpus, Endpoint endpoint, int count) {
    int made = 0;
    for (int attempt = 0; made < count && attempt < count * 20; attempt++) {
      BadRequest request = endpoint.next();
      if (seen.add(request.identity())) {
        corpus.add(request);
        made++;
      }
    }
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

  /**
   * A read: its path is {@code prefix + id + suffix} when {@code idSuffix} is given (the id is the
   * fixture's, or hostile text), else {@code prefix}; {@code query} holds the required parameters.
   */
  private Read read(
      String operation, String prefix, String query, String role, String idSuffix, int badId) {
    return new Read(operation, prefix, query, role, idSuffix, badId);
  }

  /** A read of one resource: {@code prefix + id + suffix}, the id the fixture's or hostile text. */
  private Read id(String operation, String prefix, String suffix, String role, int badId) {
    return new Read(operation, prefix, "", role, suffix, badId);
  }

  /** Query-parameter and path mutations of a read. */
  private final class Read implements Endpoint {
    private final String operation;
    private final String prefix;
    private final String query;
    private final String role;
    private final String idSuffix;
    private final int badIdStatus;
    private final List<String> checked = new ArrayList<>();
    private final List<String> single = new ArrayList<>();

    Read(String operation, String prefix, String query, String role, String idSuffix, int badId) {
      this.operation = operation;
      this.prefix = prefix;
      this.query = query;
      this.role = role;
      this.idSuffix = idSuffix;
      this.badIdStatus = badId;
    }

    Read checked(String... params) {
      checked.addAll(List.of(params));
      return this;
    }

    Read single(String... params) {
      single.addAll(List.of(params));
      return this;
    }

    private String path() {
      return idSuffix == null ? prefix : prefix + goodId() + idSuffix;
    }

    private String goodId() {
      if (prefix.endsWith("/results/")) {
        return f.result();
      }
      if (prefix.endsWith("/versions/")) {
        return "1";
      }
      if (prefix.startsWith("/api/v1/analytes")) {
        return "IL6";
      }
      if (prefix.startsWith("/api/v1/panels")) {
        return "INFLAMMATION";
      }
      if (prefix.startsWith("/api/v1/batches")) {
        return f.batch();
      }
      return f.registeredTrial();
    }

    private String withQuery(String path, String extra) {
      String all = query.isEmpty() ? extra : extra.isEmpty() ? query : query + "&" + extra;
      return all.isEmpty() ? path : path + "?" + all;
    }

    @Override
    public BadRequest next() {
      int family = random.nextInt(10);
      if (family == 0) {
        return badToken(operation, "GET", withQuery(path(), ""), null);
      }
      if (family <= 2 && idSuffix != null) {
        String value = hostileText();
        return new BadRequest(
            operation,
            "hostile-id",
            abbreviate(value),
            // an encoded NUL (%00) in a URI is refused before anything is looked up
            value.indexOf('\u0000') >= 0 ? 400 : badIdStatus,
            false,
            "GET",
            withQuery(prefix + encode(value) + idSuffix, ""),
            auth(role),
            null);
      }
      if (family <= 5 && !checked.isEmpty()) {
        String param = pick(checked);
        String value = random.nextInt(6) == 0 ? "-1" : hostileText();
        if (param.equals("pageToken") || param.equals("from") || param.equals("to")) {
          value = random.nextBoolean() ? "-" + random.nextInt(1000) : hostileText();
        }
        return new BadRequest(
            operation,
            "hostile-query",
            param + "=" + abbreviate(value),
            400,
            false,
            "GET",
            withQuery(path(), param + "=" + encode(value)),
            auth(role),
            null);
      }
      if (family <= 7 && !single.isEmpty()) {
        String param = pick(single);
        String value = sensible(param);
        String extra =
            query.contains(param + "=")
                ? param + "=" + value
                : param + "=" + value + "&" + param + "=" + value;
        return new BadRequest(
            operation,
            "repeated-query",
            param,
            400,
            false,
            "GET",
            withQuery(path(), extra),
            auth(role),
            null);
      }
      String name = pick(UNKNOWN_PARAMS) + (random.nextInt(3) == 0 ? "" : random.nextInt(100));
      return new BadRequest(
          operation,
          "unknown-query",
          name,
          400,
          false,
          "GET",
          withQuery(path(), encode(name) + "=" + encode(pick(List.of("1", "x", "", "true")))),
          auth(role),
          null);
    }
  }

  /** Names no operation takes: misspellings of real ones, and others. */
  private static final List<String> UNKNOWN_PARAMS =
      List.of(
          "satus",
          "secondaryID",
          "page_size",
          "limit",
          "offset",
          "debug",
          "admin",
          "format_",
          "q2",
          "__proto__",
          "where",
          "fields");

  /** A value of the parameter's type, so that only its repetition is wrong. */
  private static String sensible(String param) {
    return switch (param) {
      case "pageSize" -> "10";
      case "sort", "by" -> param.equals("sort") ? "registeredOn" : "arm";
      case "from", "to" -> "1";
      case "format" -> "json";
      case "change" -> "false";
      case "window" -> "protocol";
      case "scale" -> "HAMD17";
      case "visit" -> "W0";
      case "analyte", "outcome" -> "IL6";
      case "cutoffs" -> "3";
      case "layer" -> "CYTOKINE";
      case "basis" -> "stool";
      case "effect" -> "change";
      default -> "x";
    };
  }

  /**
   * The event feed: a valid query would open a stream, so only its parameters and its Last-Event-ID
   * are made bad (it has no body, and its trial and type filters take any text).
   */
  private Endpoint feed() {
    String operation = "GET /api/v1/events";
    return () -> {
      int family = random.nextInt(4);
      if (family == 0) {
        return badToken(operation, "GET", "/api/v1/events", null);
      }
      if (family == 1) {
        Map<String, String> headers = auth("reader");
        String id = asciiHeader(hostileText());
        headers.put("Last-Event-ID", id);
        return new BadRequest(
            operation,
            "hostile-last-event-id",
            abbreviate(id),
            400,
            false,
            "GET",
            "/api/v1/events",
            headers,
            null);
      }
      String name = pick(UNKNOWN_PARAMS) + (random.nextInt(3) == 0 ? "" : random.nextInt(100));
      return new BadRequest(
          operation,
          "unknown-query",
          name,
          400,
          false,
          "GET",
          "/api/v1/events?"
              + (random.nextBoolean() ? "type=trial.registered&" : "")
              + encode(name)
              + "=1",
          auth("reader"),
          null);
    };
  }

  private Endpoint body(
      String operation,
      String method,
      String path,
      String role,
      String ifMatch,
      ObjectNode valid,
      List<String> checked,
      List<String> text,
      int ruleStatus) {
    return () -> {
      Map<String, String> headers = auth(role);
      if (ifMatch != null) {
        headers.put("If-Match", ifMatch);
      }
      int family = random.nextInt(14);
      if (family == 0) {
        return badToken(operation, method, path, valid);
      }
      if (family == 1) {
        String type = pick(WRONG_TYPES);
        headers.put("Content-Type", type);
        return new BadRequest(
            operation,
            "content-type",
            type,
            415,
            false,
            method,
            path,
            headers,
            JsonMutations.utf8(valid.toString()));
      }
      if (family == 2 && ifMatch != null) {
        String tag = asciiHeader(hostileText());
        headers.put("If-Match", tag);
        headers.put("Content-Type", "application/json");
        return new BadRequest(
            operation,
            "stale-if-match",
            abbreviate(tag),
            412,
            false,
            method,
            path,
            headers,
            JsonMutations.utf8(valid.toString()));
      }
      JsonMutations.Mutated mutated = json.mutate(valid, checked, text);
      headers.put("Content-Type", "application/json");
      int expected =
          switch (mutated.kind()) {
            case "hostile-value", "oversized-field" -> ruleStatus;
            default -> 400;
          };
      return new BadRequest(
          operation,
          mutated.kind(),
          mutated.variant(),
          expected,
          true,
          method,
          path,
          headers,
          mutated.body());
    };
  }

  private static final List<String> WRONG_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "text/csv",
          "application/x-www-form-urlencoded",
          "text/html",
          "application/octet-stream",
          "multipart/form-data; boundary=corpus");

  /**
   * Imports read ClinicalTrials.gov documents as a stream: a body that is not JSON is a 400, JSON
   * that is no study (a scalar, an object without a study's sections, no body at all) a 422. An
   * array of studies is answered 200 with a line per study, so none is sent.
   */
  private Endpoint imports() {
    String operation = "POST /api/v1/imports/clinicaltrials-gov";
    String path = "/api/v1/imports/clinicaltrials-gov";
    ObjectNode study = Trials.JSON.createObjectNode();
    study
        .putObject("protocolSection")
        .putObject("identificationModule")
        .put("nctId", "NCT09999999")
        .put("briefTitle", "Corpus study");
    return () -> {
      Map<String, String> headers = auth("registrant");
      int family = random.nextInt(12);
      if (family == 0) {
        return badToken(operation, "POST", path, study);
      }
      if (family == 1) {
        String type = pick(WRONG_TYPES);
        headers.put("Content-Type", type);
        return new BadRequest(
            operation,
            "content-type",
            type,
            415,
            false,
            "POST",
            path,
            headers,
            JsonMutations.utf8(study.toString()));
      }
      headers.put("Content-Type", "application/json");
      String text = study.toString();
      if (family <= 5) {
        String body =
            switch (random.nextInt(3)) {
              case 0 -> text.substring(0, 1 + random.nextInt(text.length() - 2));
              case 1 -> text + "}" + pick(pick(HostileStrings.ALL_TEXT));
              default -> text.replace('"', '\'');
            };
        return new BadRequest(
            operation,
            "malformed",
            abbreviate(body),
            400,
            true,
            "POST",
            path,
            headers,
            JsonMutations.utf8(body));
      }
      if (family <= 7) {
        String body = pick(List.of("null", "42", "\"text\"", "true", "-1.5", "false", ""));
        return new BadRequest(
            operation,
            "not-a-study",
            body.isEmpty() ? "empty" : body,
            422,
            true,
            "POST",
            path,
            headers,
            JsonMutations.utf8(body));
      }
      ObjectNode notAStudy = Trials.JSON.createObjectNode();
      notAStudy.put(
          pick(List.of("protocolSection", "derivedSection", pick(pick(HostileStrings.ALL_TEXT)))),
          pick(pick(HostileStrings.ALL_TEXT)));
      return new BadRequest(
          operation,
          "not-a-study",
          abbreviate(notAStudy.toString()),
          422,
          true,
          "POST",
          path,
          headers,
          JsonMutations.utf8(notAStudy.toString()));
    };
  }

  private Endpoint resultBatches(String operation, String path) {
    return () -> {
      Map<String, String> headers = auth("pipeline");
      int family = random.nextInt(12);
      if (family == 0) {
        return badToken(operation, "POST", path, null);
      }
      if (family == 1) {
        String type =
            pick(
                List.of(
                    "text/plain",
                    "application/xml",
                    "image/png",
                    "text/html",
                    "application/octet-stream"));
        headers.put("Content-Type", type);
        return new BadRequest(
            operation,
            "content-type",
            type,
            415,
            false,
            "POST",
            path,
            headers,
            JsonMutations.utf8("participant\n" + random.nextInt()));
      }
      ResultBatchMutations.Mutated mutated = results.mutate();
      headers.put("Content-Type", mutated.contentType());
      if (family == 2) {
        // a key the API refuses (empty or longer than 255 characters) on a bad batch: a 400
        String key = random.nextBoolean() ? "" : "k".repeat(256 + random.nextInt(500));
        headers.put("Idempotency-Key", key);
        return new BadRequest(
            operation,
            "bad-idempotency-key",
            key.isEmpty() ? "empty" : key.length() + " characters",
            400,
            false,
            "POST",
            path,
            headers,
            mutated.body());
      }
      return new BadRequest(
          operation,
          mutated.kind(),
          mutated.variant(),
          mutated.expected(),
          true,
          "POST",
          path,
          headers,
          mutated.body());
    };
  }

  /**
   * A body just past its own operation's limit, for every write operation (413, unread): a trial
   * record over 1 MB; a change of a trial or participant (status, unblinding, enrolment, screening)
   * over 256 KB, which a record's limit would let through; an analyte or panel over 256 KB, a
   * correction over 256 KB, an import over 8 MB; and a result batch, posted or checked, of more
   * than 100 000 rows (its byte limit is the HTTP layer's 64 MB, not sent in every build).
   */
  private List<BadRequest> oversizedBodies(String trialPath, String participantPath) {
    List<BadRequest> oversized = new ArrayList<>();
    record Target(
        String operation, String method, String path, String role, String ifMatch, int over) {}
    int record = 1 << 20;
    int change = 256 << 10;
    List<Target> targets =
        List.of(
            new Target("POST /api/v1/trials", "POST", "/api/v1/trials", "registrant", null, record),
            new Target("PUT /api/v1/trials/{id}", "PUT", trialPath, "registrant", f.etag(), record),
            new Target(
                "POST /api/v1/trials/{id}/status",
                "POST",
                trialPath + "/status",
                "registrant",
                f.etag(),
                change),
            new Target(
                "POST /api/v1/trials/{id}/unblinding",
                "POST",
                trialPath + "/unblinding",
                "statistician",
                STALE,
                change),
            new Target(
                "POST /api/v1/trials/{id}/participants",
                "POST",
                trialPath + "/participants",
                "registrant",
                null,
                change),
            new Target(
                "POST /api/v1/trials/{id}/participants/{code}/status",
                "POST",
                participantPath + "/status",
                "registrant",
                null,
                change),
            new Target(
                "POST /api/v1/trials/{id}/participants/{code}/unblinding",
                "POST",
                participantPath + "/unblinding",
                "statistician",
                null,
                change),
            new Target(
                "POST /api/v1/trials/{id}/screenings",
                "POST",
                trialPath + "/screenings",
                "registrant",
                null,
                change));
    for (Target target : targets) {
      ObjectNode huge =
          f.trialRecord()
              .deepCopy()
              .put(
                  "scientificTitle",
                  HostileStrings.longString(target.over() + random.nextInt(400_000), 'y'));
      oversized.add(
          oversized(
              target.operation(),
              target.method(),
              target.path(),
              target.role(),
              target.ifMatch(),
              "> " + (target.over() >> 10) + " KB",
              JsonMutations.utf8(huge.toString())));
    }
    int catalogue = 256 << 10;
    ObjectNode analyte =
        f.analyte().deepCopy().put("name", HostileStrings.longString(catalogue, 'a'));
    ObjectNode panel = f.panel().deepCopy().put("name", HostileStrings.longString(catalogue, 'p'));
    oversized.add(
        oversized(
            "POST /api/v1/analytes",
            "POST",
            "/api/v1/analytes",
            "curator",
            null,
            "> 256 KB",
            JsonMutations.utf8(analyte.deepCopy().put("code", "CORPUS_BIG").toString())));
    oversized.add(
        oversized(
            "PUT /api/v1/analytes/{code}",
            "PUT",
            "/api/v1/analytes/IL6",
            "curator",
            null,
            "> 256 KB",
            JsonMutations.utf8(analyte.toString())));
    oversized.add(
        oversized(
            "POST /api/v1/panels",
            "POST",
            "/api/v1/panels",
            "curator",
            null,
            "> 256 KB",
            JsonMutations.utf8(panel.deepCopy().put("code", "CORPUS_BIG").toString())));
    oversized.add(
        oversized(
            "PUT /api/v1/panels/{code}",
            "PUT",
            "/api/v1/panels/INFLAMMATION",
            "curator",
            null,
            "> 256 KB",
            JsonMutations.utf8(panel.toString())));
    oversized.add(
        oversized(
            "POST /api/v1/trials/{trialId}/results/{resultId}/corrections",
            "POST",
            trialPath + "/results/" + f.result() + "/corrections",
            "pipeline",
            null,
            "> 256 KB",
            JsonMutations.utf8(
                Trials.JSON
                    .createObjectNode()
                    .put("value", "1.5")
                    .put("unit", "pg/mL")
                    .put("reason", HostileStrings.longString(change, 'r'))
                    .toString())));
    oversized.add(
        oversized(
            "POST /api/v1/imports/clinicaltrials-gov",
            "POST",
            "/api/v1/imports/clinicaltrials-gov",
            "registrant",
            null,
            "> 8 MB",
            JsonMutations.utf8(
                "["
                    + f.trialRecord()
                        .deepCopy()
                        .put("padding", HostileStrings.longString(8 << 20, 'i'))
                    + "]")));
    StringBuilder csv =
        new StringBuilder("participant,visit,sampleId,collectedAt,analyte,value,unit\n");
    for (int i = 0; i <= 100_000; i++) {
      csv.append("NOBODY,W0,S").append(i).append(",2026-01-05T08:00:00Z,IL6,1,pg/mL\n");
    }
    byte[] rows = JsonMutations.utf8(csv.toString());
    for (String check : List.of("", "/validate")) {
      Map<String, String> pipeline = auth("pipeline");
      pipeline.put("Content-Type", "text/csv");
      oversized.add(
          new BadRequest(
              "POST /api/v1/trials/{trialId}/results" + check,
              "oversized-body",
              "100 001 rows",
              413,
              false,
              "POST",
              trialPath + "/results" + check,
              pipeline,
              rows));
    }
    return oversized;
  }

  private BadRequest oversized(
      String operation,
      String method,
      String path,
      String role,
      String ifMatch,
      String variant,
      byte[] body) {
    Map<String, String> headers = auth(role);
    headers.put("Content-Type", "application/json");
    if (ifMatch != null) {
      headers.put("If-Match", ifMatch);
    }
    return new BadRequest(
        operation, "oversized-body", variant, 413, false, method, path, headers, body);
  }

  private BadRequest badToken(String operation, String method, String path, ObjectNode body) {
    Map<String, String> headers = new LinkedHashMap<>();
    String token =
        pick(
            List.of(
                "Bearer " + asciiHeader(hostileText()),
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbImN1cmF0b3IiXX0."
                    + random.nextInt(1000),
                "Bearer " + "A".repeat(6000 + random.nextInt(100)),
                "Bearer a.b.c" + random.nextInt(1000)));
    headers.put("Authorization", token);
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return new BadRequest(
        operation,
        "bad-token",
        abbreviate(token),
        401,
        false,
        method,
        path,
        headers,
        body == null ? null : JsonMutations.utf8(body.toString()));
  }

  private String hostileText() {
    if (random.nextInt(10) == 0) {
      return HostileStrings.longString(1500 + random.nextInt(100), 'z');
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

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…(" + value.length() + ")";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
