package org.psybiome.trial.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.psybiome.trial.api.TrialSearchQuery;
import org.psybiome.trial.api.TrialSort;
import org.psybiome.trial.model.TrialStatus;

/**
 * Trial search over the derived columns (GIN-indexed arrays, a title tsvector), paged by keyset: a
 * page token is the sort value and id of the last row, so deep pages cost what the first does.
 */
@ApplicationScoped
public class TrialSearchRepository {

  /**
   * A page of entities, how many trials match (exact up to {@link #COUNT_LIMIT}, else that limit
   * with {@code totalExact} false) and the keyset of the last row (null when no more).
   */
  public record Result(List<TrialListing> items, long total, boolean totalExact, Keyset next) {}

  /**
   * Counting every match of a broad filter over 100 000 trials reads a heap page per match (over a
   * second, measured); past this many a page says "at least" instead.
   */
  public static final int COUNT_LIMIT = 1_000;

  /** Where a page ended: the sort value (as text) and the id of its last row. */
  public record Keyset(String value, String id) {}

  private final EntityManager em;

  TrialSearchRepository(EntityManager em) {
    this.em = em;
  }

  /** The two statements a search runs, with their parameters: the capped count and the page. */
  record Statements(
      String count, Map<String, Object> countParams, String page, Map<String, Object> pageParams) {}

  /**
   * @param visibleConsortium drafts of this consortium are visible too (null: registered only)
   */
  public Result search(TrialSearchQuery q, String visibleConsortium, Keyset after) {
    Statements statements = statements(q, visibleConsortium, after);
    planForTheseValues();
    long counted =
        ((Number)
                bind(em.createNativeQuery(statements.count()), statements.countParams())
                    .getSingleResult())
            .longValue();
    boolean totalExact = counted <= COUNT_LIMIT;
    long total = Math.min(counted, COUNT_LIMIT);

    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(em.createNativeQuery(statements.page()), statements.pageParams()).getResultList();
    List<TrialListing> items = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      items.add(listing(row));
    }
    Keyset next = null;
    if (items.size() > q.pageSize()) {
      items = items.subList(0, q.pageSize());
      TrialListing last = items.get(items.size() - 1);
      next = new Keyset(keysetValue(q.sort(), last), last.id());
    }
    return new Result(items, total, totalExact, next);
  }

  /**
   * PostgreSQL's plans (EXPLAIN, with the given options) of the count and the page statements of a
   * search, as the search would run them; for tests that hold every query shape to an index.
   */
  List<String> explain(TrialSearchQuery q, String visibleConsortium, Keyset after, String options) {
    Statements statements = statements(q, visibleConsortium, after);
    planForTheseValues();
    List<String> plans = new ArrayList<>();
    for (var statement :
        List.of(
            Map.entry(statements.count(), statements.countParams()),
            Map.entry(statements.page(), statements.pageParams()))) {
      @SuppressWarnings("unchecked")
      List<Object> lines =
          bind(
                  em.createNativeQuery("EXPLAIN (" + options + ") " + statement.getKey()),
                  statement.getValue())
              .getResultList();
      plans.add(String.join("\n", lines.stream().map(String::valueOf).toList()));
    }
    return plans;
  }

  /**
   * Plans the rest of the transaction's statements for their values. After five executions the JDBC
   * driver prepares a statement on the server, and PostgreSQL may then reuse one generic plan for
   * any values: without the values it cannot use the arrays' element statistics, guesses that any
   * filter matches 0.5 % of trials, and so gathers every match and sorts it. At 100 000 trials a
   * page of condition=6A71&interventionType=FMT (30 000 matches) took 180-210 ms that way, 3-9 ms
   * planned for its values. Planning a search costs about 1-2 ms; the search runs in a transaction
   * of its own.
   */
  private void planForTheseValues() {
    em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
  }

  private Statements statements(TrialSearchQuery q, String visibleConsortium, Keyset after) {
    StringBuilder where = new StringBuilder(" WHERE (t.status <> 'DRAFT'");
    Map<String, Object> params = new HashMap<>();
    if (visibleConsortium != null) {
      where.append(" OR t.consortium = :visible");
      params.put("visible", visibleConsortium);
    }
    where.append(")");
    if (q.statuses() != null && !q.statuses().isEmpty()) {
      where.append(" AND t.status IN (:statuses)");
      params.put("statuses", q.statuses().stream().map(Enum::name).toList());
    }
    arrayContains(where, params, "condition_codes", "condition", upper(q.conditionCode()));
    arrayContains(where, params, "intervention_types", "itype", upper(q.interventionType()));
    arrayContains(where, params, "strain_genera", "genus", lower(q.genus()));
    arrayContains(where, params, "strain_species", "species", lower(q.species()));
    arrayContains(where, params, "countries", "country", upper(q.country()));
    if (q.sponsor() != null) {
      where.append(" AND lower(t.primary_sponsor) LIKE :sponsor ESCAPE '\\'");
      params.put("sponsor", "%" + escapeLike(q.sponsor().toLowerCase(Locale.ROOT)) + "%");
    }
    if (q.secondaryId() != null) {
      // exact, in any registry's namespace; ids are stored upper-cased and trimmed
      where.append(
          " AND EXISTS (SELECT 1 FROM trial_secondary_id s"
              + " WHERE s.trial_id = t.id AND s.value = :secondaryId)");
      params.put("secondaryId", q.secondaryId().trim().toUpperCase(Locale.ROOT));
    }
    if (q.consortium() != null) {
      where.append(" AND t.consortium = :consortium");
      params.put("consortium", q.consortium());
    }
    // Dates are also compared through the expression trial_registered_on indexes (a draft's
    // missing date is 0001-01-01 there), so a date range is an index range, not a filter applied
    // to every row the sort walks past; registered_on itself still excludes drafts.
    if (q.registeredFrom() != null) {
      where.append(" AND t.registered_on >= :from AND ").append(REGISTERED_KEY).append(" >= :from");
      params.put("from", q.registeredFrom());
    }
    if (q.registeredTo() != null) {
      where.append(" AND t.registered_on <= :to AND ").append(REGISTERED_KEY).append(" <= :to");
      params.put("to", q.registeredTo());
    }
    if (q.text() != null) {
      where.append(" AND t.title_search @@ plainto_tsquery('simple', :text)");
      params.put("text", q.text());
    }

    TrialSort sort = q.sort();
    String key = sortKey(sort);
    String direction = sort.descending() ? "DESC" : "ASC";
    String order = " ORDER BY " + key + " " + direction + ", t.id " + direction;

    // The count stops at COUNT_LIMIT + 1 matches, in whatever order they are found. Unordered, a
    // bitmap of narrow filters' indexes stops at the cap too, where ordered it had to visit and
    // sort every match first (6 000 heap rows for 1 001 at 100 000 trials: 47-95 ms against 12-30
    // ms); for broad filters the planner may read the table from its start, which stops after
    // about 1 001 / selectivity rows (SearchQueryPlanTest bounds the pages each count reads).
    Map<String, Object> countParams = new HashMap<>(params);
    countParams.put("countLimit", COUNT_LIMIT + 1);
    String count =
        "SELECT count(*) FROM (SELECT 1 FROM trial t" + where + " LIMIT :countLimit) AS matches";

    StringBuilder page = new StringBuilder(where);
    Map<String, Object> pageParams = new HashMap<>(params);
    if (after != null) {
      page.append(" AND (")
          .append(key)
          .append(", t.id) ")
          .append(sort.descending() ? "<" : ">")
          .append(" (")
          .append(castKeyset(sort))
          .append(", :afterId)");
      pageParams.put("afterValue", after.value());
      pageParams.put("afterId", after.id());
    }
    pageParams.put("limit", q.pageSize() + 1);
    return new Statements(
        count, countParams, LISTING + " FROM trial t" + page + order + " LIMIT :limit", pageParams);
  }

  /**
   * What a listing shows, in {@link TrialListing}'s order. Parsing each row's JSON document (about
   * 5.5 KB) took two thirds of a search's time in the service (JFR, 21 rows a page); the acronym
   * and the condition codes (those with a code, in the document's order) are read by SQL instead.
   */
  private static final String LISTING =
      "SELECT t.id, t.consortium, t.status, t.version, t.registered_on, t.updated_at,"
          + " t.public_title, t.content ->> 'acronym', t.primary_sponsor, t.countries,"
          + " ARRAY(SELECT e.c ->> 'code' FROM jsonb_array_elements(CASE"
          + " WHEN jsonb_typeof(t.content -> 'conditions') = 'array' THEN t.content -> 'conditions'"
          + " ELSE '[]'::jsonb END) WITH ORDINALITY AS e(c, n)"
          + " WHERE e.c ->> 'code' IS NOT NULL ORDER BY e.n),"
          + " t.intervention_types";

  private static TrialListing listing(Object[] row) {
    return new TrialListing(
        (String) row[0],
        (String) row[1],
        TrialStatus.valueOf((String) row[2]),
        ((Number) row[3]).intValue(),
        date(row[4]),
        instant(row[5]),
        (String) row[6],
        (String) row[7],
        (String) row[8],
        strings(row[9]),
        strings(row[10]),
        strings(row[11]));
  }

  private static LocalDate date(Object value) {
    if (value == null || value instanceof LocalDate) {
      return (LocalDate) value;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    throw new IllegalStateException("A date column read as " + value.getClass());
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime time) {
      return time.toInstant();
    }
    throw new IllegalStateException("A timestamp column read as " + value.getClass());
  }

  private static List<String> strings(Object value) {
    try {
      Object array = value instanceof java.sql.Array sql ? sql.getArray() : value;
      if (array == null) {
        return List.of();
      }
      List<String> strings = new ArrayList<>();
      for (Object element : (Object[]) array) {
        strings.add((String) element);
      }
      return List.copyOf(strings);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot read an array column", e);
    }
  }

  private static final String REGISTERED_KEY = "coalesce(t.registered_on, DATE '0001-01-01')";

  private static String sortKey(TrialSort sort) {
    return switch (sort) {
      case REGISTERED_ON_ASC, REGISTERED_ON_DESC -> REGISTERED_KEY;
      case UPDATED_AT_ASC, UPDATED_AT_DESC -> "t.updated_at";
      case ID_ASC, ID_DESC -> "t.id";
    };
  }

  private static String castKeyset(TrialSort sort) {
    return switch (sort) {
      case REGISTERED_ON_ASC, REGISTERED_ON_DESC -> "CAST(:afterValue AS date)";
      case UPDATED_AT_ASC, UPDATED_AT_DESC -> "CAST(:afterValue AS timestamptz)";
      case ID_ASC, ID_DESC -> "CAST(:afterValue AS text)";
    };
  }

  private static String keysetValue(TrialSort sort, TrialListing last) {
    return switch (sort) {
      case REGISTERED_ON_ASC, REGISTERED_ON_DESC ->
          last.registeredOn() == null ? "0001-01-01" : last.registeredOn().toString();
      case UPDATED_AT_ASC, UPDATED_AT_DESC -> last.updatedAt().toString();
      case ID_ASC, ID_DESC -> last.id();
    };
  }

  private static void arrayContains(
      StringBuilder where, Map<String, Object> params, String column, String name, String value) {
    if (value != null) {
      where
          .append(" AND t.")
          .append(column)
          .append(" @> ARRAY[CAST(:")
          .append(name)
          .append(" AS text)]");
      params.put(name, value);
    }
  }

  private static Query bind(Query query, Map<String, Object> params) {
    params.forEach(query::setParameter);
    return query;
  }

  private static String upper(String value) {
    return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
  }

  private static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
