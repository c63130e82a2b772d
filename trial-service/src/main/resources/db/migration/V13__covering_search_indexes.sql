-- Trial search, profiled at 100 000 trials (SearchQueryPlanTest, issue #15): the page itself is
-- cheap (an ordered walk of the sort's index), but the capped count (up to 1 001 matches) read a
-- heap page for nearly every row it looked at: 1 000 to 11 000 buffers a query, as the table rows
-- carry the whole record. These indexes hold the sort key and every column a filter tests, so the
-- count and the filtering walk are index-only scans (about 30 rows per page instead of ~8), and
-- the heap is read only for the page's own rows. Sorting by id walks the primary key, which
-- already stops early: one covering index on id was not chosen by the planner, so there is none.
CREATE INDEX trial_search_registered ON trial ((coalesce(registered_on, DATE '0001-01-01')), id)
  INCLUDE (status, consortium, registered_on, condition_codes, intervention_types, countries,
           strain_genera, strain_species, primary_sponsor, title_search);
CREATE INDEX trial_search_updated ON trial (updated_at, id)
  INCLUDE (status, consortium, registered_on, condition_codes, intervention_types, countries,
           strain_genera, strain_species, primary_sponsor, title_search);
-- the covering ones replace these two
DROP INDEX trial_registered_on;
DROP INDEX trial_updated_at;
