package org.psybiome.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Trial search with many trials registered (100 000): a mix of what a registry's users ask — free
 * text, condition, status, intervention, strain, sponsor, country, registration dates — and paging
 * to pages 2 and 3 by the returned token, through the gateway, one client, with readers of a
 * consortium owning no trial (so they see what the public sees).
 */
final class SearchBenchmark {

  /** A query of the mix: its parameters and how many pages are read, following the token. */
  record Query(String parameters, int pages) {}

  static final List<Query> QUERIES =
      List.of(
          new Query("", 1),
          new Query("q=probiotic depression", 1),
          new Query("q=mediterranean diet", 1),
          new Query("condition=F32", 3),
          new Query("condition=F41.1&status=RECRUITING", 1),
          new Query("condition=6A71&interventionType=FMT", 1),
          new Query("interventionType=PROBIOTIC&country=DE", 2),
          new Query("genus=lactobacillus&status=COMPLETED", 1),
          new Query("species=bifidobacterium longum", 1),
          new Query("sponsor=karolinska", 1),
          new Query("registeredFrom=2020-01-01&registeredTo=2020-12-31", 1),
          new Query("status=RECRUITING&country=IE&pageSize=50", 1),
          new Query("q=butyrate anxiety&sort=-updatedAt", 1));

  private final Http http;
  private final TokenPool readers;
  private final URI gateway;
  private final Report report;

  SearchBenchmark(Http http, TokenPool readers, URI gateway, Report report) {
    this.http = http;
    this.readers = readers;
    this.gateway = gateway;
    this.report = report;
  }

  /** One run of the mix: percentiles over every request, and p95 per query (and page). */
  record Figures(double p50Ms, double p95Ms, long requests, Map<String, Double> p95MsByQuery) {}

  void run(int warmup, int requests) throws Exception {
    report(measure(warmup, requests), report);
  }

  /** The keys the report has had since issue #6, from one run. */
  static void report(Figures figures, Report report) {
    report.put("search_p95_ms", Report.round(figures.p95Ms(), 2));
    report.meta("search_requests", figures.requests());
    report.meta("search_p50_ms", figures.p50Ms());
    report.meta("search_p95_ms_by_query", figures.p95MsByQuery());
  }

  Figures measure(int warmup, int requests) throws Exception {
    Progress.say("search: %d requests after %d warm-up", requests, warmup);
    Latencies all = new Latencies();
    Map<String, Latencies> byQuery = new LinkedHashMap<>();
    int done = 0;
    while (done < warmup + requests) {
      Query query = QUERIES.get(ThreadLocalRandom.current().nextInt(QUERIES.size()));
      String token = null;
      for (int page = 0; page < query.pages() && done < warmup + requests; page++, done++) {
        String parameters =
            encode(query.parameters())
                + (token == null
                    ? ""
                    : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        URI uri =
            gateway.resolve(
                "/api/v1/trials"
                    + (parameters.isEmpty() ? "" : "?" + parameters.replaceFirst("^&", "")));
        long start = System.nanoTime();
        HttpResponse<String> response = Http.expect(http.get(uri, readers.next()), 200);
        long elapsed = System.nanoTime() - start;
        if (done >= warmup) {
          all.recordNanos(elapsed);
          byQuery
              .computeIfAbsent(
                  query.parameters() + (page > 0 ? " (page " + (page + 1) + ")" : ""),
                  q -> new Latencies())
              .recordNanos(elapsed);
        }
        JsonNode body = BenchTrials.JSON.readTree(response.body());
        token = body.path("nextPageToken").isTextual() ? body.path("nextPageToken").asText() : null;
        if (token == null) {
          break;
        }
      }
    }
    Map<String, Double> perQuery = new LinkedHashMap<>();
    byQuery.forEach((q, l) -> perQuery.put(q.isEmpty() ? "(no filter)" : q, l.percentileMs(95)));
    return new Figures(all.percentileMs(50), all.percentileMs(95), all.count(), perQuery);
  }

  /** Encodes the values of "a=b c&d=e" (not the separators). */
  private static String encode(String parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String pair : parameters.split("&")) {
      int eq = pair.indexOf('=');
      out.append(out.length() == 0 ? "" : "&")
          .append(pair, 0, eq + 1)
          .append(
              URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8)
                  .replace("+", "%20"));
    }
    return out.toString();
  }
}
