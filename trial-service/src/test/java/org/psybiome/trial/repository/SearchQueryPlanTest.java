package org.psybiome.trial.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.psybiome.trial.TestInfrastructure;
import org.psybiome.trial.api.TrialSearchQuery;
import org.psybiome.trial.api.TrialSort;
import org.psybiome.trial.model.TrialStatus;

/**
 * Every query shape of GET /trials (each filter, each sort, first and later pages, with and without
 * a consortium's drafts visible) at 100 000 trials: the page is planned on an index, never a scan
 * of the trial table; the capped count touches at most a quarter of the trial table's pages (run
 * with EXPLAIN ANALYZE, BUFFERS): it may read the table from its start when its filters are broad,
 * as it stops at its cap, but never through it. A page can still walk far along its index when a
 * filter is narrow or the rows it skips come first (drafts sort first by ascending registration
 * date): the most pages a page read is printed, not bounded. The plans are those of the statements
 * the repository runs (TrialSearchRepository#explain), after the rows are loaded, vacuumed and
 * analysed, as autovacuum would have done.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQueryPlanTest extends TestInfrastructure {

  private static final int TRIALS = 100_000;

  /** "Seq Scan on trial t", not on trial_secondary_id (a one-row lookup by its own index). */
  private static final Pattern TABLE_SCAN = Pattern.compile("Seq Scan on trial\\s");

  /** The first Buffers line of a plan is its top node's: the whole statement's. */
  private static final Pattern BUFFERS = Pattern.compile("Buffers: shared[^\n]*");

  @Inject TrialSearchRepository repository;

  @Inject jakarta.persistence.EntityManager em;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String url;

  @ConfigProperty(name = "quarkus.flyway.username")
  String owner;

  @ConfigProperty(name = "quarkus.flyway.password")
  String ownerPassword;

  @BeforeAll
  void seed() throws IOException, SQLException {
    String sql;
    try (InputStream in = getClass().getResourceAsStream("/search-plans/seed.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(":count", "" + TRIALS);
    }
    // as the owner: only the owner may VACUUM and ANALYZE (the service's role may not)
    try (Connection db = DriverManager.getConnection(url, owner, ownerPassword);
        Statement statement = db.createStatement()) {
      statement.execute(sql);
      statement.execute("VACUUM ANALYZE trial");
      statement.execute("VACUUM ANALYZE trial_secondary_id");
    }
  }

  @AfterAll
  void unseed() throws SQLException {
    try (Connection db = DriverManager.getConnection(url, owner, ownerPassword);
        Statement statement = db.createStatement()) {
      statement.execute("DELETE FROM trial_secondary_id WHERE trial_id LIKE 'PSB-1800-%'");
      statement.execute("DELETE FROM trial WHERE id LIKE 'PSB-1800-%'");
    }
  }

  @Test
  void everyShapeReadsASmallPartOfTheTable() throws SQLException {
    List<String> failures = new ArrayList<>();
    int planned = 0;
    long[] mostPages = new long[2];
    long tablePages = tablePages();
    for (Shape shape : shapes()) {
      for (TrialSort sort : TrialSort.values()) {
        for (String visible : new String[] {null, "cons-a"}) {
          for (TrialSearchRepository.Keyset after : keysets(sort)) {
            TrialSearchQuery query = shape.query(sort);
            List<String> plans =
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            repository.explain(
                                query, visible, after, "ANALYZE, BUFFERS, FORMAT TEXT"));
            String[] names = {"count", "page"};
            for (int i = 0; i < plans.size(); i++) {
              planned++;
              String plan = plans.get(i);
              long pages = pagesRead(plan);
              boolean page = i == 1;
              mostPages[i] = Math.max(mostPages[i], pages);
              if (page
                  ? TABLE_SCAN.matcher(plan).find() || !plan.contains("Index")
                  : pages > tablePages / 4) {
                failures.add(
                    shape.name()
                        + " sort="
                        + sort.parameter()
                        + " visible="
                        + visible
                        + " after="
                        + after
                        + " ("
                        + names[i]
                        + "):\n"
                        + plan);
              }
            }
          }
        }
      }
    }
    System.out.printf(
        "%d plans; the most pages a count read: %d, a page: %d, of the table's %d%n",
        planned, mostPages[0], mostPages[1], tablePages);
    assertThat(planned).isEqualTo(shapes().size() * TrialSort.values().length * 2 * 2 * 2);
    assertThat(failures).as("plans scanning the trial table").isEmpty();
  }

  /**
   * The plans above are for the statements' values; so must be the plans of a search run over and
   * over, which the JDBC driver prepares on the server after five runs, where PostgreSQL could
   * switch to one generic plan for any values (a 30 000-match page: 180-210 ms instead of 3-9 ms).
   * A search's transaction plans for its values, and the setting ends with it.
   */
  @Test
  void aSearchIsPlannedForItsValuesAndOnlyIt() {
    TrialSearchQuery query =
        q(
            null,
            "F32",
            "FMT",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            TrialSort.REGISTERED_ON_DESC);
    for (int run = 0; run < 7; run++) {
      Object mode =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    repository.search(query, null, null);
                    return em.createNativeQuery("SHOW plan_cache_mode").getSingleResult();
                  });
      assertThat(mode).isEqualTo("force_custom_plan");
    }
    Object after =
        QuarkusTransaction.requiringNew()
            .call(() -> em.createNativeQuery("SHOW plan_cache_mode").getSingleResult());
    assertThat(after).isEqualTo("auto");
  }

  /** Buffers the whole statement touched (its top node's), whether cached or read. */
  private static long pagesRead(String plan) {
    Matcher buffers = BUFFERS.matcher(plan);
    if (!buffers.find()) {
      return 0; // nothing touched at all prints no Buffers line
    }
    long pages = 0;
    for (String kind : new String[] {"hit", "read"}) {
      Matcher count = Pattern.compile(kind + "=(\\d+)").matcher(buffers.group());
      if (count.find()) {
        pages += Long.parseLong(count.group(1));
      }
    }
    return pages;
  }

  private long tablePages() throws SQLException {
    try (Connection db = DriverManager.getConnection(url, owner, ownerPassword);
        Statement statement = db.createStatement();
        java.sql.ResultSet row =
            statement.executeQuery("SELECT relpages FROM pg_class WHERE relname = 'trial'")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** First page, and a page after a keyset in the middle of the seeded rows. */
  private static List<TrialSearchRepository.Keyset> keysets(TrialSort sort) {
    String middleId = "PSB-1800-050000";
    String value =
        switch (sort) {
          case REGISTERED_ON_ASC, REGISTERED_ON_DESC -> "2018-01-01";
          case UPDATED_AT_ASC, UPDATED_AT_DESC -> "2020-02-05T00:00:00Z";
          case ID_ASC, ID_DESC -> middleId;
        };
    List<TrialSearchRepository.Keyset> keysets = new ArrayList<>();
    keysets.add(null);
    keysets.add(new TrialSearchRepository.Keyset(value, middleId));
    return keysets;
  }

  private record Shape(String name, Filters filters) {
    TrialSearchQuery query(TrialSort sort) {
      return filters.apply(sort);
    }
  }

  @FunctionalInterface
  private interface Filters {
    TrialSearchQuery apply(TrialSort sort);
  }

  /** Each filter alone, and the combinations the benchmark's query mix asks. */
  private static List<Shape> shapes() {
    LocalDate from = LocalDate.parse("2020-01-01");
    LocalDate to = LocalDate.parse("2020-12-31");
    List<TrialStatus> recruiting = List.of(TrialStatus.RECRUITING);
    return List.of(
        new Shape(
            "none",
            s -> q(null, null, null, null, null, null, null, null, null, null, null, null, s)),
        new Shape(
            "status",
            s ->
                q(recruiting, null, null, null, null, null, null, null, null, null, null, null, s)),
        new Shape(
            "condition",
            s -> q(null, "F32", null, null, null, null, null, null, null, null, null, null, s)),
        new Shape(
            "condition+status",
            s ->
                q(
                    recruiting,
                    "F41.1",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s)),
        new Shape(
            "interventionType",
            s -> q(null, null, "FMT", null, null, null, null, null, null, null, null, null, s)),
        new Shape(
            "interventionType+country",
            s ->
                q(
                    null,
                    null,
                    "PROBIOTIC",
                    null,
                    null,
                    null,
                    "DE",
                    null,
                    null,
                    null,
                    null,
                    null,
                    s)),
        new Shape(
            "genus+status",
            s ->
                q(
                    List.of(TrialStatus.COMPLETED),
                    null,
                    null,
                    "lactobacillus",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s)),
        new Shape(
            "species",
            s ->
                q(
                    null,
                    null,
                    null,
                    null,
                    "bifidobacterium longum",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s)),
        new Shape(
            "sponsor",
            s ->
                q(
                    null,
                    null,
                    null,
                    null,
                    null,
                    "karolinska",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s)),
        new Shape(
            "country",
            s -> q(null, null, null, null, null, null, "IE", null, null, null, null, null, s)),
        new Shape(
            "country+status",
            s ->
                q(recruiting, null, null, null, null, null, "IE", null, null, null, null, null, s)),
        new Shape(
            "consortium",
            s -> q(null, null, null, null, null, null, null, "cons-b", null, null, null, null, s)),
        new Shape(
            "registeredFrom+To",
            s -> q(null, null, null, null, null, null, null, null, from, to, null, null, s)),
        new Shape(
            "registeredFrom",
            s -> q(null, null, null, null, null, null, null, null, from, null, null, null, s)),
        new Shape(
            "text",
            s ->
                q(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "probiotic depression",
                    null,
                    s)),
        new Shape(
            "secondaryId",
            s ->
                q(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "NCT10000042",
                    s)));
  }

  private static TrialSearchQuery q(
      List<TrialStatus> statuses,
      String condition,
      String interventionType,
      String genus,
      String species,
      String sponsor,
      String country,
      String consortium,
      LocalDate from,
      LocalDate to,
      String text,
      String secondaryId,
      TrialSort sort) {
    return new TrialSearchQuery(
        statuses,
        condition,
        interventionType,
        genus,
        species,
        sponsor,
        country,
        consortium,
        from,
        to,
        text,
        secondaryId,
        sort,
        20,
        null);
  }
}
